"use client";

import { useState } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";

import type { ActionResult } from "@/lib/auth/action";

import { useServerFieldErrors } from "./use-server-field-errors";

export type FormStatusValue = { error?: string; success?: string } | null;

/**
 * Submits a react-hook-form form's checked values to its server action: a refusal shows the
 * server's field errors at the fields and its message in the form's status; a success shows
 * what `onSuccess` answers.
 */
export function useFormAction<TValues extends FieldValues, TData>(
  action: (values: TValues) => Promise<ActionResult<TData>>,
  setError: UseFormSetError<TValues>,
  onSuccess: (data: TData) => string,
) {
  const [status, setStatus] = useState<FormStatusValue>(null);
  const showServerErrors = useServerFieldErrors(setError);

  async function submit(values: TValues) {
    setStatus(null);
    const result = await action(values);
    if (!result.ok) {
      showServerErrors(result.fieldErrors);
      setStatus({ error: result.error });
      return;
    }
    setStatus({ success: onSuccess(result.data) });
  }

  return { status, submit };
}
