import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

import { ForgotPasswordForm } from "@/components/account/forgot-password-form";
import { MailLink } from "@/components/layout/contact-links";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/lib/db/client";
import { getTownSettings } from "@/lib/town/settings";

import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Identifiant ou mot de passe oublié" };

// SPEC §2: a single-use link valid one hour, rather than the guide's new password by e-mail.
export default async function ForgotPasswordPage() {
  await connection(); // rendered per request: `next build` must not open the database
  const town = await getTownSettings(getDb());
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold text-brand">Identifiant ou mot de passe oublié ?</h1>
      <Panel title="Choisir un nouveau mot de passe">
        <p className="mb-4">
          Saisissez votre identifiant (votre adresse e-mail) : vous recevrez un lien pour choisir un nouveau mot de passe.
        </p>
        <ForgotPasswordForm action={requestPasswordResetAction} />
        <p className="mt-4 text-sm">
          Identifiant oublié, ou plus d&apos;accès à votre messagerie ? Contactez le {town.guichetName}
          {town.guichetPhone ? <> au {town.guichetPhone}</> : null}
          {town.guichetEmail ? (
            <>
              {" "}
              ou par courriel à <MailLink email={town.guichetEmail} />
            </>
          ) : null}
          .
        </p>
        <p className="mt-4">
          <Link href="/" className="text-brand underline">
            Retour à l&apos;accueil
          </Link>
        </p>
      </Panel>
    </div>
  );
}
