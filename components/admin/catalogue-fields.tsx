"use client";

import { useId, useState } from "react";
import { useFieldError } from "@/components/admin/action-form";

// Form pieces of the catalogue's forms, inside an ActionForm: each shows the error of the last
// submission at its field and keeps what the agent chose when the server refuses the form.

/** One checkbox posted as "on" when ticked. */
export function CheckboxField({ name, label, defaultChecked, hint }: { name: string; label: string; defaultChecked?: boolean; hint?: string }) {
  const id = useId();
  const error = useFieldError(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <div className="flex items-center gap-2">
        <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="h-5 w-5" />
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
      </div>
      {hint ? <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-accent-dark">{error}</p> : null}
    </div>
  );
}

/**
 * A group of checkboxes posted as one comma-joined field (the action builder keeps one value
 * per name), e.g. openWeekdays = "1,2,4,5".
 */
export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValues,
  hint,
  required,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValues: string[];
  hint?: string;
  required?: boolean;
}) {
  const id = useId();
  const error = useFieldError(name);
  const [selected, setSelected] = useState<string[]>(defaultValues);
  const toggle = (value: string, checked: boolean) =>
    setSelected((current) => (checked ? options.map((option) => option.value).filter((entry) => entry === value || current.includes(entry)) : current.filter((entry) => entry !== value)));
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="font-semibold">
        {legend}{" "}
        {required ? (
          <>
            <span aria-hidden="true">*</span>
            <span className="sr-only">(obligatoire)</span>
          </>
        ) : null}
      </legend>
      {hint ? <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p> : null}
      <input type="hidden" name={name} value={selected.join(",")} />
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
        {options.map((option) => (
          <div key={option.value} className="flex items-center gap-2">
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              className="h-5 w-5"
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-accent-dark">{error}</p> : null}
    </fieldset>
  );
}

/** A select whose value the form reacts to (e.g. the kind of a deadline rule). */
export function ControlledSelect({
  name,
  label,
  value,
  onChange,
  options,
  required,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  required?: boolean;
}) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label} {required ? <span aria-hidden="true">*</span> : null}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 w-full rounded border border-gray-500 px-3 py-2"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-accent-dark">{error}</p> : null}
    </div>
  );
}
