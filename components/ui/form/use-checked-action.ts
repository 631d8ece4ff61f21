"use client";

import { useState, useTransition } from "react";
import type { z } from "zod";

import type { ActionResult } from "@/lib/auth/action";
import { checkFormData } from "@/lib/validation/form-data";

/**
 * Posts a FormData to its server action after checking the action's own zod schema in the
 * browser (same messages; the server still decides): a refusal, from either, is kept as the
 * result without calling the action twice; `onSuccess` runs once the action succeeded.
 */
export function useCheckedAction<TData>(
  action: (input: FormData) => Promise<ActionResult<TData>>,
  schema: z.ZodType | undefined,
  onSuccess: (data: TData) => void,
) {
  const [result, setResult] = useState<ActionResult<TData> | null>(null);
  const [pending, startTransition] = useTransition();

  function post(data: FormData) {
    const refused = schema && checkFormData(schema, data);
    if (refused) {
      setResult(refused);
      return;
    }
    startTransition(async () => {
      const outcome = await action(data);
      setResult(outcome);
      if (outcome.ok) onSuccess(outcome.data);
    });
  }

  return { result, pending, post };
}
