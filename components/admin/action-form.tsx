"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import type { z } from "zod";

import { ActionError } from "@/components/ui/form/action-error";
import { FieldErrorsProvider } from "@/components/ui/form/field";
import { useCheckedAction } from "@/components/ui/form/use-checked-action";
import type { ActionResult } from "@/lib/auth/action";

/** A staff form's server action: it receives the form's FormData. */
export type FormDataAction = (input: FormData) => Promise<ActionResult<unknown>>;

type Props = {
  action: FormDataAction;
  /** The action's own zod schema: checked before submitting, with the same messages (the server still decides). */
  schema?: z.ZodType;
  submitLabel: string;
  successMessage?: string;
  /** Asked before submitting (destructive actions). */
  confirmMessage?: string;
  redirectTo?: (data: unknown) => string;
  resetOnSuccess?: boolean;
  /** Runs after a success, before the page refreshes (e.g. to announce it from outside the form). */
  onSuccess?: (data: unknown) => void;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  /** Posted as hidden inputs: the ids (and versions) of what the form changes. */
  hiddenFields?: Record<string, string | number>;
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
  onSuccess,
  variant = "primary",
  className,
  hiddenFields = {},
  children,
}: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { result, pending, post } = useCheckedAction(action, schema, (data) => {
    if (resetOnSuccess) formRef.current?.reset();
    onSuccess?.(data);
    if (redirectTo) router.push(redirectTo(data));
    else router.refresh();
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmMessage && !window.confirm(confirmMessage)) return;
    post(new FormData(event.currentTarget));
  }

  const buttonClass =
    variant === "danger"
      ? "bg-accent-dark text-white hover:bg-red-900"
      : variant === "secondary"
        ? "border border-brand bg-white text-brand hover:bg-blue-50"
        : "bg-brand text-white hover:bg-blue-900";
  return (
    <FieldErrorsProvider errors={result && !result.ok ? result.fieldErrors : undefined}>
      <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className={className ?? "space-y-3"}>
        {Object.entries(hiddenFields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
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
            {result?.ok && successMessage ? <p className="text-green-800">{successMessage}</p> : null}
          </div>
          <ActionError result={result} />
        </div>
      </form>
    </FieldErrorsProvider>
  );
}
