import type { Metadata } from "next";
import Link from "next/link";

import { confirmEnrolmentAction } from "@/app/(public)/connexion/actions";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { findLoginChallenge, readChallengeCookie } from "@/lib/auth/login-challenge";
import { enrolmentFor, pendingTotpSecret } from "@/lib/auth/second-factor";
import { currentViewer } from "@/lib/auth/session";
import { getDb, type Db } from "@/lib/db/client";
import { getTownSettings } from "@/lib/town/settings";

export const metadata: Metadata = { title: "Activer la double authentification" };

export default async function EnrolSecondFactorPage() {
  const cookie = await readChallengeCookie(); // first: the page is dynamic before it opens the database
  const db = getDb();
  const challenge = await findLoginChallenge(db, cookie);
  const secret = challenge && !challenge.user.totpEnabledAt ? await pendingTotpSecret(db, challenge.userId) : null;
  const enrolment = challenge && secret ? await enrolmentFor(secret, challenge.user.email, await issuer(db)) : null;
  // Right after the first code, the page renders again for a signed-in staff member: the form
  // stays in place (same position in the tree) so that it can show the recovery codes once.
  const viewer = enrolment ? null : await currentViewer();
  const justEnrolled = viewer !== null && viewer.role !== "PARENT";
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold text-brand">Activer la double authentification</h1>
      <div className="space-y-4 rounded-lg bg-white p-4 shadow">
        {enrolment && secret && challenge ? (
          <EnrolmentSteps email={challenge.user.email} secret={secret} qrSvg={enrolment.qrSvg} />
        ) : justEnrolled ? null : (
          <p>
            Votre connexion a expiré.{" "}
            <Link href="/connexion" className="font-semibold text-brand underline">
              Se reconnecter
            </Link>
          </p>
        )}
        {enrolment || justEnrolled ? (
          <SecondFactorForm action={confirmEnrolmentAction} hint="Les 6 chiffres affichés par l'application" />
        ) : null}
      </div>
    </div>
  );
}

async function issuer(db: Db) {
  const town = await getTownSettings(db);
  return `${town.portalName} – ${town.townName}`;
}

function EnrolmentSteps({ email, secret, qrSvg }: { email: string; secret: string; qrSvg: string }) {
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <>
      <p>
        Les agents de la mairie accèdent aux données des familles et à la santé des enfants : leur connexion demande, en plus du
        mot de passe, un code à 6 chiffres donné par une application d&apos;authentification sur votre téléphone (par exemple
        FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator).
      </p>
      <ol className="list-decimal space-y-3 pl-6">
        <li>
          Dans l&apos;application, ajoutez un compte en scannant ce code QR :
          <div
            role="img"
            aria-label="Code QR à scanner avec votre application d'authentification"
            className="mt-2 w-48 bg-white"
            // The SVG is made on our server by the qrcode library from the otpauth:// address.
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
        </li>
        <li>
          Ou saisissez cette clé à la main (compte « {email} », type « basé sur le temps ») :
          <p className="mt-1 font-mono text-lg break-all" aria-label={`Clé : ${grouped}`}>
            {grouped}
          </p>
        </li>
        <li>Saisissez le code à 6 chiffres que l&apos;application affiche, puis « Vérifier ».</li>
      </ol>
    </>
  );
}
