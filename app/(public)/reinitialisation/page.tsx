import type { Metadata } from "next";
import Link from "next/link";
import { ChoosePasswordForm } from "@/components/auth/choose-password-form";
import { Panel } from "@/components/ui/panel";
import { peekAuthToken, TOKEN_ERROR_MESSAGE } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const { jeton } = await searchParams;
  const token = jeton ? await peekAuthToken(getDb(), jeton, "PASSWORD_RESET") : ({ ok: false, reason: "invalid" } as const);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-brand">Nouveau mot de passe</h1>
      <Panel title="Choisissez votre mot de passe">
        {token.ok ? (
          <ChoosePasswordForm token={jeton!} submitLabel="Enregistrer mon mot de passe" action={resetPasswordAction} />
        ) : (
          <div role="alert" className="space-y-3">
            <p>{TOKEN_ERROR_MESSAGE[token.reason]}</p>
            <p>
              <Link href="/mot-de-passe-oublie" className="text-brand underline">
                Demander un nouveau lien
              </Link>
            </p>
          </div>
        )}
      </Panel>
    </div>
  );
}
