"use client";

import { CONTROL_CLASS, FieldFrame, useFieldWiring, type FieldProps } from "./field";

export type Option = { value: string; label: string };

/** Rows picked by id and shown by name (schools, establishments, activities) as a select's options. */
export const namedOptions = (rows: readonly { id: string; name: string }[]): Option[] =>
  rows.map((row) => ({ value: row.id, label: row.name }));

type Props = FieldProps & {
  options: readonly Option[];
  /** A first, empty option ("< Aucune >", "Choisir…"); none when omitted. */
  placeholder?: string;
  defaultValue?: string | number;
  /** A select the form reacts to (e.g. the kind of a deadline rule). */
  value?: string;
  onChange?: (value: string) => void;
  disabled?: boolean;
};

export function SelectField({ options, placeholder, defaultValue, value, onChange, disabled, ...field }: Props) {
  const { id, error, control } = useFieldWiring(field);
  const controlled = onChange
    ? { value, onChange: (event: React.ChangeEvent<HTMLSelectElement>) => onChange(event.target.value) }
    : { defaultValue };
  return (
    <FieldFrame id={id} label={field.label} hint={field.hint} error={error} required={field.required} className={field.className}>
      <select disabled={disabled} className={`${CONTROL_CLASS} bg-white disabled:bg-gray-100`} {...control} {...controlled}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
