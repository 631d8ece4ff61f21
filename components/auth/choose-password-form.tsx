"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-length";

type Props = {
  token: string;
  submitLabel: string;
  action: (input: { token: string; password: string; confirmation: string }) => Promise<ActionResult<{ email: string }>>;
};

/** Choose a password through a single-use link (activation, reset), then sign in. */
export function ChoosePasswordForm({ token, submitLabel, action }: Props) {
  const id = useId();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<{ email: string }> | null>(null);
  const fieldError = (name: string) => (result && !result.ok ? result.fieldErrors?.[name]?.[0] : undefined);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const confirmation = String(form.get("confirmation") ?? "");
    setPending(true);
    try {
      const outcome = await action({ token, password, confirmation });
      setResult(outcome);
      if (outcome.ok) {
        const signedIn = await signIn("credentials", { redirect: false, email: outcome.data.email, password });
        router.push(signedIn?.ok ? "/espace" : "/connexion");
        router.refresh();
      }
    } finally {
      setPending(false);
    }
  }

  const passwordError = fieldError("password");
  const confirmationError = fieldError("confirmation");
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor={`${id}-password`} className="block font-semibold">
          Nouveau mot de passe
        </label>
        <p id={`${id}-password-hint`} className="text-sm text-muted">
          Au moins {PASSWORD_MIN_LENGTH} caractères. Une phrase facile à retenir convient très bien.
        </p>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(passwordError)}
          aria-describedby={`${id}-password-hint${passwordError ? ` ${id}-password-error` : ""}`}
          className="mt-1 w-full rounded border border-gray-400 px-3 py-2"
        />
        {passwordError ? (
          <p id={`${id}-password-error`} className="mt-1 text-sm text-accent-dark">
            {passwordError}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-confirmation`} className="block font-semibold">
          Ressaisissez votre nouveau mot de passe
        </label>
        <input
          id={`${id}-confirmation`}
          name="confirmation"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(confirmationError)}
          aria-describedby={confirmationError ? `${id}-confirmation-error` : undefined}
          className="mt-1 w-full rounded border border-gray-400 px-3 py-2"
        />
        {confirmationError ? (
          <p id={`${id}-confirmation-error`} className="mt-1 text-sm text-accent-dark">
            {confirmationError}
          </p>
        ) : null}
      </div>
      <div role="alert" aria-live="assertive">
        {result && !result.ok && !passwordError && !confirmationError ? (
          <p className="rounded border border-accent bg-red-50 px-3 py-2 text-accent-dark">{result.error}</p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark disabled:opacity-70"
      >
        {pending ? "Enregistrement…" : submitLabel}
      </button>
    </form>
  );
}
