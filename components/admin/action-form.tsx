"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action";

type Errors = Record<string, string[]> | undefined;
const FieldErrorsContext = createContext<Errors>(undefined);

type Props = {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
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
// error; errors are announced (role="alert") and attached to their fields.
export function ActionForm({ action, submitLabel, successMessage, confirmMessage, redirectTo, resetOnSuccess, variant = "primary", className, children }: Props) {
  const [state, setState] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmMessage && !window.confirm(confirmMessage)) return;
    const form = event.currentTarget;
    const data = new FormData(form);
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
    <FieldErrorsContext.Provider value={state && !state.ok ? state.fieldErrors : undefined}>
      <form method="post" ref={formRef} onSubmit={onSubmit} noValidate className={className ?? "space-y-3"}>
        {children}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending} className={`rounded px-4 py-2 font-semibold disabled:opacity-70 ${buttonClass}`}>
            {pending ? "Patientez…" : submitLabel}
          </button>
          <div aria-live="polite" role="status">
            {state?.ok && successMessage ? <p className="text-green-800">{successMessage}</p> : null}
          </div>
          {state && !state.ok ? (
            <p role="alert" className="text-accent-dark">
              {state.error}
            </p>
          ) : null}
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}

/** The first error of a field after the last submission, for fields built by hand. */
export function useFieldError(name: string): string | undefined {
  return useContext(FieldErrorsContext)?.[name]?.[0];
}

type FieldProps = {
  label: string;
  name: string;
  type?: string;
  required?: boolean;
  defaultValue?: string | number;
  options?: { value: string; label: string }[];
  hint?: string;
  className?: string;
};

export function Field({ label, name, type = "text", required, defaultValue, options, hint, className }: FieldProps) {
  const id = useId();
  const errors = useContext(FieldErrorsContext);
  const error = errors?.[name]?.[0];
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const inputClass = "mt-1 w-full rounded border border-gray-500 px-3 py-2";
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label} {required ? <span aria-hidden="true">*</span> : null}
      </label>
      {options ? (
        <select id={id} name={name} required={required} defaultValue={defaultValue} aria-invalid={Boolean(error)} aria-describedby={describedBy} className={inputClass}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : type === "textarea" ? (
        <textarea id={id} name={name} required={required} defaultValue={defaultValue} rows={3} aria-invalid={Boolean(error)} aria-describedby={describedBy} className={inputClass} />
      ) : (
        <input id={id} name={name} type={type} required={required} defaultValue={defaultValue} aria-invalid={Boolean(error)} aria-describedby={describedBy} className={inputClass} />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-accent-dark">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A file input with its label, hint and server error; the server decides what is accepted. */
export function FileField({ label, name = "file", accept, hint }: { label: string; name?: string; accept: string; hint?: string }) {
  const id = useId();
  const error = useFieldError(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label} <span aria-hidden="true">*</span>
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input id={id} name={name} type="file" accept={accept} aria-invalid={Boolean(error)} aria-describedby={describedBy} className="mt-1 block" />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-accent-dark">
          {error}
        </p>
      ) : null}
    </div>
  );
}
