import type { Metadata } from "next";
import Link from "next/link";

import { verifySecondFactorAction } from "@/app/(public)/connexion/actions";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { findLoginChallenge, readChallengeCookie } from "@/lib/auth/login-challenge";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Code de vérification" };

export default async function SecondFactorPage() {
  const cookie = await readChallengeCookie(); // first: the page is dynamic before it opens the database
  const challenge = await findLoginChallenge(getDb(), cookie);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-brand">Double authentification</h1>
      {challenge?.user.totpEnabledAt ? (
        <div className="space-y-4 rounded-lg bg-white p-4 shadow">
          <p>
            Ouvrez votre application d&apos;authentification et saisissez le code à 6 chiffres affiché pour le Portail Familles.
          </p>
          <SecondFactorForm
            action={verifySecondFactorAction}
            hint="6 chiffres, ou l'un de vos codes de secours (ex. : abcde-fghij)"
          />
        </div>
      ) : (
        <p className="rounded-lg bg-white p-4 shadow">
          Votre connexion a expiré.{" "}
          <Link href="/connexion" className="font-semibold text-brand underline">
            Se reconnecter
          </Link>
        </p>
      )}
    </div>
  );
}
