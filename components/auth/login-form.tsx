"use client";

import Link from "next/link";
import { useActionState, useId } from "react";

import { loginAction, type LoginState } from "@/app/(public)/connexion/actions";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { PasswordField, TextField } from "@/components/ui/form/text-field";

// The guide's login box: Identifiant (the e-mail), Mot de passe, Connexion, and the
// "Identifiant ou Mot de passe oublié ?" link. A plain POST to a server action: it works before
// the page's JavaScript has loaded (or without it), and never puts the password in a URL.
export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const id = useId();
  const [state, formAction, pending] = useActionState<LoginState, FormData>(loginAction, {});

  return (
    <section aria-labelledby={`${id}-title`} className="overflow-hidden rounded-lg bg-white shadow">
      <h2 id={`${id}-title`} className="bg-brand px-4 py-3 text-base font-bold uppercase text-white">
        Connexion à votre espace
      </h2>
      <form action={formAction} className="space-y-4 p-4" noValidate>
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextField
          key={`email-${state.email ?? ""}`}
          name="email"
          type="email"
          label="Identifiant"
          hint="Votre adresse e-mail"
          autoComplete="username"
          defaultValue={state.email}
          error={state.fieldErrors?.email}
          required
        />
        <PasswordField purpose="current" name="password" label="Mot de passe" error={state.fieldErrors?.password} />
        <div role="alert" aria-live="assertive" className="min-h-0">
          {state.error ? (
            <p className="rounded border border-accent bg-red-50 px-3 py-2 text-accent-dark">{state.error}</p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Link href="/mot-de-passe-oublie" className="text-brand underline">
            Identifiant ou Mot de passe oublié ?
          </Link>
          <SubmitButton pending={pending} label="✓ Connexion" pendingLabel="Connexion…" />
        </div>
      </form>
    </section>
  );
}
