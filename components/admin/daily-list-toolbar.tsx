import type { ReactNode } from "react";

import { PrintButton } from "@/components/admin/print-button";

// The top of the daily lists and of the kitchen counts: the same alert, title bar and date form.

/** Said when the address held a date that is not one, and today's is shown instead. */
export function InvalidDateAlert() {
  return (
    <p role="alert" className="rounded border border-accent bg-red-50 px-3 py-2 text-accent-dark">
      La date demandée n&apos;est pas une date valide : voici celle d&apos;aujourd&apos;hui.
    </p>
  );
}

/** The list's title, with « Imprimer », « Export CSV » and the list's other links (`children`). */
export function DailyListTitleBar({ title, csvHref, children }: { title: string; csvHref: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-2xl font-bold text-brand">{title}</h1>
      <div className="no-print flex gap-3">
        <PrintButton />
        <a href={csvHref} className="rounded border border-brand bg-white px-4 py-2 font-semibold text-brand">
          Export CSV
        </a>
        {children}
      </div>
    </div>
  );
}

/** The form that picks the list's day (and its other fields, `children`), read back from the address. */
export function DailyListDateForm({
  action,
  idPrefix,
  date,
  children,
}: {
  action: string;
  idPrefix: string;
  date: string;
  children: ReactNode;
}) {
  return (
    <form method="get" className="no-print flex flex-wrap items-end gap-3" action={action}>
      <div>
        <label htmlFor={`${idPrefix}-date`} className="block font-semibold">
          Date
        </label>
        <input
          id={`${idPrefix}-date`}
          type="date"
          name="date"
          defaultValue={date}
          className="mt-1 rounded border border-gray-500 px-3 py-2"
        />
      </div>
      {children}
      <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
        Afficher
      </button>
    </form>
  );
}
