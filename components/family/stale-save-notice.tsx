"use client";

import { useEffect, useRef } from "react";

import { NO_VISIBLE_CHANGE, type TStaleSave } from "@/lib/families/record-version";

/**
 * A save refused because the record moved on while it was being completed: who and when, and
 * the fields changed meanwhile. Announced (role="alert") and focused, so that the person reads
 * it before saving again; the form keeps what they typed.
 */
export function StaleSaveNotice({ stale }: { stale: TStaleSave }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [stale]);
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      data-testid="stale-save"
      className="space-y-2 rounded border-2 border-accent bg-red-50 px-3 py-2 text-accent-dark"
    >
      <p className="font-semibold">{stale.message}</p>
      {stale.changedFields.length ? (
        <>
          <p>Rubriques modifiées entre-temps :</p>
          <ul className="list-disc pl-6">
            {stale.changedFields.map((field) => (
              <li key={field}>{field}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{NO_VISIBLE_CHANGE}</p>
      )}
    </div>
  );
}
