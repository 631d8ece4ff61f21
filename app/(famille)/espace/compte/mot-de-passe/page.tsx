import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Panel } from "@/components/ui/panel";
import { parentPage } from "@/lib/auth/session";
import { changePasswordAction } from "../actions";

export const metadata: Metadata = { title: "Modification de votre mot de passe" };

export default async function ChangePasswordPage() {
  await parentPage();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <p>
        <Link href="/espace" className="text-brand underline">
          ← Retour à mon espace
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand">Modifier mon mot de passe</h1>
      <Panel title="Modification de votre mot de passe">
        <ChangePasswordForm action={changePasswordAction} />
      </Panel>
    </div>
  );
}
