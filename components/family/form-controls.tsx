"use client";

import Link from "next/link";

import { SubmitButton } from "@/components/ui/form/submit-button";

// The family and child forms' sections, outcome and buttons; their fields come from the form kit
// (components/ui/form/).

export const YES_NO_OPTIONS = [
  { value: "OUI", label: "OUI" },
  { value: "NON", label: "NON" },
] as const;

export function FormSection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white shadow">
      <h2 id={id} className="rounded-t-lg bg-brand px-4 py-3 text-base font-bold uppercase text-white">
        {title}
      </h2>
      <div className="space-y-4 p-4">{children}</div>
    </section>
  );
}

/** Shown above the buttons after a refused submission: announced to screen readers. */
export function FormStatus({ error, success }: { error?: string | null; success?: string | null }) {
  return (
    <div aria-live="polite" role="status">
      {error ? <p className="rounded border border-accent bg-red-50 px-3 py-2 font-semibold text-accent-dark">{error}</p> : null}
      {success ? (
        <p className="rounded border border-green-700 bg-green-50 px-3 py-2 font-semibold text-green-900">{success}</p>
      ) : null}
    </div>
  );
}

/** The guide's Annuler / Enregistrer, with the outcome announced above them. */
export function SaveOrCancel({
  status,
  isSubmitting,
  submitLabel = "Enregistrer",
  pendingLabel = "Enregistrement…",
  backLinkOnSuccess = true,
  familyPageHref,
  cancelHref = familyPageHref ?? "/espace",
  backLabel = familyPageHref ? "Retour à la fiche famille" : "Retour à mon espace",
}: {
  status: { error?: string | null; success?: string | null } | null;
  isSubmitting: boolean;
  submitLabel?: string;
  pendingLabel?: string;
  /** `backLabel` (to `cancelHref`) once saved. */
  backLinkOnSuccess?: boolean;
  /** Where Annuler and the link shown once saved lead: the parent's space unless told (staff pages). */
  cancelHref?: string;
  backLabel?: string;
  /** A staff page editing a family's record: Annuler and the link once saved lead back to the family's page. */
  familyPageHref?: string;
}) {
  return (
    <>
      <FormStatus error={status?.error} success={status?.success} />
      <div className="flex flex-wrap gap-3">
        <Link href={cancelHref} className="rounded border-2 border-accent px-5 py-2 font-bold text-accent-dark hover:bg-red-50">
          Annuler
        </Link>
        <SubmitButton pending={isSubmitting} label={submitLabel} pendingLabel={pendingLabel} />
      </div>
      {backLinkOnSuccess && status?.success ? (
        <p>
          <Link href={cancelHref} className="text-brand underline">
            {backLabel}
          </Link>
        </p>
      ) : null}
    </>
  );
}

/** A statement's state as the Guichet unique sees it (read-only: only the family accepts). */
export type ConsentSummary = { kind: string; label: string; state: string; upToDate: boolean };

export function ConsentStateList({ items, note }: { items: ConsentSummary[]; note: string }) {
  return (
    <div className="space-y-3">
      <p className="rounded border border-gray-400 bg-gray-50 px-3 py-2">{note}</p>
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        {items.map((item) => (
          <div key={item.kind} className="contents">
            <dt className="font-semibold">{item.label}</dt>
            <dd
              data-testid={`consent-${item.kind}`}
              className={item.upToDate ? "text-green-900" : "font-semibold text-accent-dark"}
            >
              <span aria-hidden="true">{item.upToDate ? "✓ " : "✗ "}</span>
              {item.state}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
