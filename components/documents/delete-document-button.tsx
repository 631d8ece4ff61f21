"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";

import type { ActionResult } from "@/lib/auth/action";

type Props = {
  documentId: string;
  description: string;
  action: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
};

/** Supprimer, then an explicit confirmation (a deleted document cannot be recovered). */
export function DeleteDocumentButton({ documentId, description, action }: Props) {
  const id = useId();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  function remove() {
    setError(null);
    startTransition(async () => {
      const result = await action({ id: documentId });
      if (result.ok) router.refresh();
      else setError(result.error);
    });
  }

  if (!confirming) {
    return (
      <button
        ref={askButton}
        type="button"
        onClick={() => setConfirming(true)}
        className="text-accent-dark underline hover:no-underline"
        aria-label={`Supprimer ${description}`}
      >
        Supprimer
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={`${id}-question`} className="space-y-2">
      <p id={`${id}-question`} className="text-sm font-semibold">
        Supprimer définitivement {description} ?
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          ref={confirmButton}
          type="button"
          onClick={remove}
          disabled={pending}
          className="rounded bg-accent px-3 py-1 text-sm font-bold text-white hover:bg-accent-dark disabled:opacity-70"
        >
          {pending ? "Suppression…" : "Oui, supprimer"}
        </button>
        <button
          type="button"
          onClick={() => {
            setConfirming(false);
            setTimeout(() => askButton.current?.focus(), 0);
          }}
          className="rounded border border-gray-400 px-3 py-1 text-sm"
        >
          Annuler
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-accent-dark">
          {error}
        </p>
      ) : null}
    </div>
  );
}
