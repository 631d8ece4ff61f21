"use client";

import { createContext, useContext, useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

// The form kit's one wiring of a field to its label, hint and error (RGAA 11.1, 11.10): ids,
// aria-describedby, aria-invalid, aria-required and the required star are written here only.
// A field gets its error from its `error` prop (react-hook-form) or, in a plain server-action
// form, from the last submission's field errors that the form provides (FieldErrorsProvider).

type FieldErrors = Record<string, string[] | undefined> | undefined;
const FieldErrorsContext = createContext<FieldErrors>(undefined);

/** Gives the fields inside a plain server-action form the errors of its last submission. */
export function FieldErrorsProvider({ errors, children }: { errors: FieldErrors; children: React.ReactNode }) {
  return <FieldErrorsContext.Provider value={errors}>{children}</FieldErrorsContext.Provider>;
}

/** The first error of a field after the form's last submission. */
export function useFieldError(name: string): string | undefined {
  return useContext(FieldErrorsContext)?.[name]?.[0];
}

/** What every kit field accepts: a react-hook-form registration, or a name for a plain form. */
export type FieldProps = {
  label: string;
  hint?: React.ReactNode;
  /** The French error for this field; by default the form's last server error for its name. */
  error?: string;
  required?: boolean;
  className?: string;
  /** The control's id: by default the registered name (react-hook-form pages show each name once), else a generated one. */
  id?: string;
  /** Ids of text outside the field that also describes it (e.g. the statement a checkbox accepts). */
  describedBy?: string;
} & ({ registration: UseFormRegisterReturn; name?: undefined } | { registration?: undefined; name: string });

/** Ids and ARIA attributes of a field's control, with the error it shows. */
export function useFieldWiring({
  id: givenId,
  registration,
  name: givenName,
  error: givenError,
  hint,
  required,
  describedBy: also,
}: FieldProps) {
  const generatedId = useId();
  const name = registration?.name ?? givenName!;
  const serverError = useFieldError(name);
  const error = givenError ?? serverError;
  const id = givenId ?? registration?.name ?? generatedId;
  const describedBy = [also, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return {
    id,
    error,
    control: {
      id,
      ...(registration ?? { name }),
      "aria-invalid": error ? true : undefined,
      "aria-required": required || undefined,
      "aria-describedby": describedBy,
    },
  };
}

/**
 * The visible star of a required field, and its words for screen readers. It stays outside the
 * control's label (the accessible name is the label alone; aria-required tells it is required).
 */
export function RequiredMark() {
  return (
    <>
      <span aria-hidden="true" className="text-accent-dark">
        *
      </span>
      <span className="sr-only">(obligatoire)</span>
    </>
  );
}

/** Said once above a form whose required fields carry the star. */
export function RequiredFieldsNote() {
  return (
    <p className="text-sm text-muted">
      Les champs marqués d&apos;un <span aria-hidden="true">*</span>
      <span className="sr-only">astérisque</span> sont obligatoires.
    </p>
  );
}

export function FieldHint({ id, hint }: { id: string; hint?: React.ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="text-sm text-muted">
      {hint}
    </p>
  ) : null;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-accent-dark">
      {error}
    </p>
  ) : null;
}

/** Label (with the star when required), hint, the control, error: the order of every field. */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <div className="flex gap-1 font-semibold">
        <label htmlFor={id}>{label}</label>
        {required ? <RequiredMark /> : null}
      </div>
      <FieldHint id={id} hint={hint} />
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

export const CONTROL_CLASS = "mt-1 w-full rounded border border-gray-500 px-3 py-2 aria-[invalid=true]:border-accent-dark";
