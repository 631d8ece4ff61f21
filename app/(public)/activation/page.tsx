import type { Metadata } from "next";
import Link from "next/link";
import { ChoosePasswordForm } from "@/components/auth/choose-password-form";
import { Panel } from "@/components/ui/panel";
import { peekAuthToken, TOKEN_ERROR_MESSAGE } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { activateAccountAction } from "./actions";

export const metadata: Metadata = { title: "Activation de votre compte" };

export default async function ActivationPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const { jeton } = await searchParams;
  const token = jeton ? await peekAuthToken(getDb(), jeton, "ACTIVATION") : ({ ok: false, reason: "invalid" } as const);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-brand">Activation de votre compte</h1>
      <Panel title="Choisissez votre mot de passe">
        {token.ok ? (
          <ChoosePasswordForm token={jeton!} submitLabel="Activer mon compte" action={activateAccountAction} />
        ) : (
          <div role="alert" className="space-y-3">
            <p>{TOKEN_ERROR_MESSAGE[token.reason]}</p>
            <p>
              <Link href="/" className="text-brand underline">
                Retour à l&apos;accueil
              </Link>
            </p>
          </div>
        )}
      </Panel>
    </div>
  );
}
