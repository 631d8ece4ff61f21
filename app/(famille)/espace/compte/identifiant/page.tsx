import type { Metadata } from "next";

import { ChangeEmailForm } from "@/components/account/change-email-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";

import { requestEmailChangeAction } from "../actions";

export const metadata: Metadata = { title: "Modifier mon login (adresse mail)" };

export default async function ChangeEmailPage() {
  const viewer = await parentPage();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title="Modifier mon login (adresse mail)" back={{ href: "/espace", label: "Retour à mon espace" }} />
      <Panel title="Nouvelle adresse e-mail">
        <p className="mb-4">
          Votre identifiant est votre adresse e-mail. Un lien de confirmation sera envoyé à la nouvelle adresse : le changement
          n&apos;a lieu qu&apos;une fois ce lien utilisé.
        </p>
        <ChangeEmailForm currentEmail={viewer.email} action={requestEmailChangeAction} />
      </Panel>
    </div>
  );
}
