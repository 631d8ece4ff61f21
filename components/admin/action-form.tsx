"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { z } from "zod";

import { ActionError } from "@/components/ui/form/action-error";
import { FieldErrorsProvider } from "@/components/ui/form/field";
import type { ActionResult } from "@/lib/auth/action";
import { checkFormData } from "@/lib/validation/form-data";

type Props = {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  /** The action's own zod schema: checked before submitting, with the same messages (the server still decides). */
  schema?: z.ZodType;
  submitLabel: string;
  successMessage?: string;
  /** Asked before submitting (destructive actions). */
  confirmMessage?: string;
  redirectTo?: (data: unknown) => string;
  resetOnSuccess?: boolean;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  children?: React.ReactNode;
};

// Submits without React's automatic form reset, so what the user typed survives a validation
// error; errors are announced (role="alert") and attached to their fields (the form kit's fields
// read them from FieldErrorsProvider).
export function ActionForm({
  action,
  schema,
  submitLabel,
  successMessage,
  confirmMessage,
  redirectTo,
  resetOnSuccess,
  variant = "primary",
  className,
  children,
}: Props) {
  const [state, setState] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmMessage && !window.confirm(confirmMessage)) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const refused = schema && checkFormData(schema, data);
    if (refused) {
      setState(refused);
      return;
    }
    startTransition(async () => {
      const result = await action(data);
      setState(result);
      if (result.ok) {
        if (resetOnSuccess) formRef.current?.reset();
        if (redirectTo) router.push(redirectTo(result.data));
        else router.refresh();
      }
    });
  }

  const buttonClass =
    variant === "danger"
      ? "bg-accent-dark text-white hover:bg-red-900"
      : variant === "secondary"
        ? "border border-brand bg-white text-brand hover:bg-blue-50"
        : "bg-brand text-white hover:bg-blue-900";
  return (
    <FieldErrorsProvider errors={state && !state.ok ? state.fieldErrors : undefined}>
      <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className={className ?? "space-y-3"}>
        {children}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className={`rounded px-4 py-2 font-semibold disabled:opacity-70 ${buttonClass}`}
          >
            {pending ? "Patientez…" : submitLabel}
          </button>
          <div aria-live="polite" role="status">
            {state?.ok && successMessage ? <p className="text-green-800">{successMessage}</p> : null}
          </div>
          <ActionError result={state} />
        </div>
      </form>
    </FieldErrorsProvider>
  );
}
