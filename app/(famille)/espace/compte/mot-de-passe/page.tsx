import type { Metadata } from "next";

import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PageHeader } from "@/components/layout/page-header";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";

import { changePasswordAction } from "../actions";

export const metadata: Metadata = { title: "Modification de votre mot de passe" };

export default async function ChangePasswordPage() {
  await parentPage();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title="Modifier mon mot de passe" back={{ href: "/espace", label: "Retour à mon espace" }} />
      <Panel title="Modification de votre mot de passe">
        <ChangePasswordForm action={changePasswordAction} />
      </Panel>
    </div>
  );
}
