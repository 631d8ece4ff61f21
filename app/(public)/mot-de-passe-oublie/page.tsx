import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { getTownSettings } from "@/lib/town/settings";

export const metadata: Metadata = { title: "Identifiant ou mot de passe oublié" };

// Until the reset-by-e-mail journey lands (single-use link), the Guichet unique resets access.
export default async function ForgotPasswordPage() {
  const town = await getTownSettings();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold text-brand">Identifiant ou mot de passe oublié ?</h1>
      <Panel title="Retrouver l'accès à votre compte">
        <p>Votre identifiant est l&apos;adresse e-mail communiquée au {town.guichetName}.</p>
        <p className="mt-2">
          Pour obtenir un nouveau mot de passe, contactez le {town.guichetName}
          {town.guichetPhone ? <> au {town.guichetPhone}</> : null}
          {town.guichetEmail ? (
            <>
              {" "}ou par courriel à{" "}
              <a className="text-brand underline" href={`mailto:${town.guichetEmail}`}>
                {town.guichetEmail}
              </a>
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
