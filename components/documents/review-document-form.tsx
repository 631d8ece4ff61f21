"use client";

import { useActionState, useState } from "react";

import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZReviewDocumentSchema } from "@/lib/documents/document.schema";
import { checkFormData } from "@/lib/validation/form-data";

type State = ActionResult<never> | null;

type Props = {
  documentId: string;
  action: (input: FormData) => Promise<ActionResult<never>>;
};

/** Accepter, or Refuser with a reason that is e-mailed to the family. */
export function ReviewDocumentForm({ documentId, action }: Props) {
  // The action's own schema first (same messages); the server still decides.
  const [state, formAction, pending] = useActionState<State, FormData>(
    (_previous, formData) => checkFormData(ZReviewDocumentSchema, formData) ?? action(formData),
    null,
  );
  const [reason, setReason] = useState("");
  const reasonError = state && !state.ok ? state.fieldErrors?.reason?.[0] : undefined;

  return (
    <div className="space-y-6">
      <form action={formAction}>
        <input type="hidden" name="id" value={documentId} />
        <input type="hidden" name="decision" value="accept" />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded bg-green-800 px-5 py-2 font-bold text-white hover:bg-green-900 disabled:opacity-70"
        >
          Accepter le document
        </button>
      </form>
      <form action={formAction} className="space-y-3 border-t border-gray-200 pt-4" noValidate>
        <input type="hidden" name="id" value={documentId} />
        <input type="hidden" name="decision" value="refuse" />
        <TextField
          name="reason"
          label="Motif du refus (envoyé à la famille)"
          multiline
          required
          value={reason}
          onChange={setReason}
          error={reasonError}
        />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded bg-accent px-5 py-2 font-bold text-white hover:bg-accent-dark disabled:opacity-70"
        >
          Refuser le document
        </button>
      </form>
      <div role="alert" className="empty:hidden">
        {state && !state.ok ? <p className="font-semibold text-accent-dark">{state.error}</p> : null}
      </div>
    </div>
  );
}
