import type { Metadata } from "next";
import Link from "next/link";

import { ConfirmEmailForm } from "@/components/account/confirm-email-form";
import { Panel } from "@/components/ui/panel";
import { peekAuthToken, TOKEN_ERROR_MESSAGE } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { parseText, type TSearchParams } from "@/lib/http/url-params";

import { confirmEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Confirmation de votre nouvel identifiant" };

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const jeton = parseText((await searchParams).jeton) ?? undefined;
  const token = jeton ? await peekAuthToken(getDb(), jeton, "EMAIL_CHANGE") : ({ ok: false, reason: "invalid" } as const);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-brand">Confirmation de votre nouvel identifiant</h1>
      <Panel title="Nouvelle adresse e-mail">
        {token.ok && token.newEmail ? (
          <ConfirmEmailForm token={jeton!} newEmail={token.newEmail} action={confirmEmailChangeAction} />
        ) : (
          <div role="alert" className="space-y-3">
            <p>{TOKEN_ERROR_MESSAGE[token.ok ? "invalid" : token.reason]}</p>
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
