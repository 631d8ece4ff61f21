"use client";

import Link from "next/link";
import { useState } from "react";

import { FormStatus } from "@/components/family/form-controls";
import { SubmitButton } from "@/components/ui/form/submit-button";
import type { ActionResult } from "@/lib/auth/action";

type Props = { token: string; newEmail: string; action: (input: { token: string }) => Promise<ActionResult<{ email: string }>> };

// A button rather than a change on page load: mail scanners that open links must not use them.
export function ConfirmEmailForm({ token, newEmail, action }: Props) {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<{ email: string }> | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      setResult(await action({ token }));
    } finally {
      setPending(false);
    }
  }

  if (result?.ok) {
    return (
      <div className="space-y-3">
        <FormStatus
          success={`Votre identifiant est désormais ${result.data.email}. Utilisez cette adresse pour vous connecter.`}
        />
        <p>
          <Link href="/" className="text-brand underline">
            Aller à la page de connexion
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <p>
        Confirmez que <strong>{newEmail}</strong> devient l&apos;identifiant de votre compte.
      </p>
      <FormStatus error={result && !result.ok ? result.error : null} />
      <SubmitButton pending={pending} label="Confirmer ma nouvelle adresse" pendingLabel="Confirmation…" />
    </form>
  );
}
