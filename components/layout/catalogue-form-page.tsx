import type { ReactNode } from "react";

import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";

/** A catalogue record's create or edit page: the link back to the catalogue, the title, the form in its panel. */
export function CatalogueFormPage({ title, panel, children }: { title: string; panel: string; children: ReactNode }) {
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={title} back={{ href: "/admin/catalogue", label: "Retour au catalogue" }} />
      <Panel title={panel}>{children}</Panel>
    </div>
  );
}
