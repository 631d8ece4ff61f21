"use client";

import { useCallback } from "react";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

/**
 * The server stays authoritative: what its schema refused is shown at the fields of a
 * react-hook-form form, as the browser's own check would have shown it.
 */
export function useServerFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>) {
  return useCallback(
    (fieldErrors: Record<string, string[] | undefined> | undefined) => {
      for (const [name, messages] of Object.entries(fieldErrors ?? {})) {
        if (messages?.[0]) setError(name as FieldPath<T>, { type: "server", message: messages[0] });
      }
    },
    [setError],
  );
}
