import { useId } from "react";

type Props = {
  name: string;
  label: string;
  hint?: string;
  /** The French error for this field, tied to the input and announced. */
  error?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
};

/** A labelled input with its hint and its error wired for assistive technologies (RGAA 11). */
export function TextField({ name, label, hint, error, required, multiline, rows = 5, type = "text", autoComplete, defaultValue }: Props) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    required,
    defaultValue,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: "mt-1 w-full rounded border border-gray-400 px-3 py-2",
  };
  return (
    <div>
      {/* The asterisk stays outside the label so that the field's accessible name is the label alone. */}
      <div className="flex gap-1 font-semibold">
        <label htmlFor={id}>{label}</label>
        {required ? <span aria-hidden="true">*</span> : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea rows={rows} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-accent-dark">
          {error}
        </p>
      ) : null}
    </div>
  );
}
