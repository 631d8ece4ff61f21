"use client";

import Link from "next/link";
import { useActionState } from "react";

import type { CodeState } from "@/app/(public)/connexion/actions";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextField } from "@/components/ui/form/text-field";

type Props = {
  action: (state: CodeState, form: FormData) => Promise<CodeState>;
  hint: string;
};

/** « Code de vérification » / « Vérifier »: the staff login's second step, and its enrolment. */
export function SecondFactorForm({ action, hint }: Props) {
  const [state, formAction, pending] = useActionState<CodeState, FormData>(action, {});

  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} next={state.next ?? "/admin"} />;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField
        name="code"
        label="Code de vérification"
        hint={hint}
        autoComplete="one-time-code"
        required
        error={state.error && !state.expired ? state.error : undefined}
      />
      <div role="alert" aria-live="assertive">
        {state.expired ? (
          <p className="rounded border border-accent bg-red-50 px-3 py-2 text-accent-dark">
            {state.error}{" "}
            <Link href="/connexion" className="font-semibold underline">
              Se reconnecter
            </Link>
          </p>
        ) : null}
      </div>
      <SubmitButton pending={pending} label="Vérifier" pendingLabel="Vérification…" />
    </form>
  );
}

function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  return (
    <div className="space-y-4" role="status">
      <h2 className="text-lg font-bold text-brand">Double authentification activée</h2>
      <p>
        Voici vos <strong>10 codes de secours</strong>. Chacun permet une seule connexion si vous n&apos;avez plus votre
        téléphone. Conservez-les en lieu sûr (imprimés ou dans un gestionnaire de mots de passe) : ils ne seront plus affichés.
      </p>
      <ul aria-label="Codes de secours" className="grid grid-cols-2 gap-2 font-mono text-lg">
        {codes.map((code) => (
          <li key={code} className="rounded border border-gray-300 bg-gray-50 px-3 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      <Link href={next} className="inline-block rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark">
        J&apos;ai conservé mes codes, continuer
      </Link>
    </div>
  );
}
