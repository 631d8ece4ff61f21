"use client";

import { FieldError, FieldHint, RequiredMark, useFieldWiring, type FieldProps } from "./field";
import type { Option } from "./select-field";

/** One checkbox, its label beside it; posted as "on" when ticked. */
export function CheckboxField({ defaultChecked, ...field }: FieldProps & { defaultChecked?: boolean }) {
  const { id, error, control } = useFieldWiring(field);
  return (
    <div className={field.className}>
      <div className="flex items-center gap-2">
        <input type="checkbox" defaultChecked={defaultChecked} className="h-5 w-5" {...control} />
        <label htmlFor={id} className="font-semibold">
          {field.label}
        </label>
        {field.required ? <RequiredMark /> : null}
      </div>
      <FieldHint id={id} hint={field.hint} />
      <FieldError id={id} error={error} />
    </div>
  );
}

type GroupProps = FieldProps & {
  options: readonly Option[];
  /** Laid out on one line (wrapping), or one option per line. */
  inline?: boolean;
};

/**
 * Checkboxes or radio buttons under one legend. Checkboxes post one value per ticked box under
 * the same name: the action receives a real list.
 */
function ChoiceGroup({
  type,
  options,
  defaultValues,
  inline = true,
  ...field
}: GroupProps & { type: "checkbox" | "radio"; defaultValues: readonly string[] }) {
  const { id, error, control } = useFieldWiring(field);
  // The group carries the description and the error; each box carries the name (or registration).
  const input = field.registration ?? { name: field.name };
  return (
    <fieldset
      id={id}
      className={field.className}
      aria-invalid={control["aria-invalid"]}
      aria-describedby={control["aria-describedby"]}
    >
      <legend className="font-semibold">
        {field.label} {field.required ? <RequiredMark /> : null}
      </legend>
      <FieldHint id={id} hint={field.hint} />
      <div className={inline ? "mt-1 flex flex-wrap gap-x-6 gap-y-2" : "mt-1 space-y-2"}>
        {options.map((option) => (
          <div key={option.value} className="flex items-center gap-2">
            <input
              id={`${id}-${option.value}`}
              type={type}
              value={option.value}
              defaultChecked={field.registration ? undefined : defaultValues.includes(option.value)}
              className="h-5 w-5"
              {...input}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

export function CheckboxGroup({ defaultValues = [], ...props }: GroupProps & { defaultValues?: readonly string[] }) {
  return <ChoiceGroup type="checkbox" defaultValues={defaultValues} {...props} />;
}

export function RadioGroup({ defaultValue, ...props }: GroupProps & { defaultValue?: string }) {
  return <ChoiceGroup type="radio" defaultValues={defaultValue ? [defaultValue] : []} {...props} />;
}
