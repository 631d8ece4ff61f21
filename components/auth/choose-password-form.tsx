"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { SubmitButton } from "@/components/ui/form/submit-button";
import { PasswordField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-length";

/** The activation's or the reset's action: sets the password the link allows, then signs a parent in. */
export type ChoosePasswordAction = (input: {
  token: string;
  password: string;
  confirmation: string;
}) => Promise<ActionResult<{ email: string; next: string }>>;

type Props = { token: string; submitLabel: string; action: ChoosePasswordAction };

/** Choose a password through a single-use link (activation, reset); the action then signs a parent in. */
export function ChoosePasswordForm({ token, submitLabel, action }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<{ email: string; next: string }> | null>(null);
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
        // The action signed a parent in (staff go on to their second factor at /connexion).
        router.push(outcome.data.next);
        router.refresh();
      }
    } finally {
      setPending(false);
    }
  }

  const passwordError = fieldError("password");
  const confirmationError = fieldError("confirmation");
  return (
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <PasswordField
        purpose="new"
        name="password"
        label="Nouveau mot de passe"
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase facile à retenir convient très bien.`}
        error={passwordError}
      />
      <PasswordField
        purpose="new"
        name="confirmation"
        label="Ressaisissez votre nouveau mot de passe"
        error={confirmationError}
      />
      <div role="alert" aria-live="assertive">
        {result && !result.ok && !passwordError && !confirmationError ? (
          <p className="rounded border border-accent bg-red-50 px-3 py-2 text-accent-dark">{result.error}</p>
        ) : null}
      </div>
      <SubmitButton pending={pending} label={submitLabel} pendingLabel="Enregistrement…" />
    </form>
  );
}
