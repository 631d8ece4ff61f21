"use client";

import { CONTROL_CLASS, FieldFrame, useFieldWiring, type FieldProps } from "./field";

type Props = FieldProps & {
  type?: string;
  autoComplete?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  defaultValue?: string | number;
  /** A textarea of `rows` lines instead of an input. */
  multiline?: boolean;
  rows?: number;
  /** A field the form keeps in its state (e.g. to survive the reset after a server action). */
  value?: string;
  onChange?: (value: string) => void;
};

/** A labelled input or textarea (text, email, tel, date, number, password…). */
export function TextField({
  type = "text",
  autoComplete,
  inputMode,
  defaultValue,
  multiline,
  rows = 3,
  value,
  onChange,
  ...field
}: Props) {
  const { id, error, control } = useFieldWiring(field);
  const content = onChange
    ? { value, onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value) }
    : { defaultValue };
  return (
    <FieldFrame id={id} label={field.label} hint={field.hint} error={error} required={field.required} className={field.className}>
      {multiline ? (
        <textarea rows={rows} className={CONTROL_CLASS} {...control} {...content} />
      ) : (
        <input
          type={type}
          autoComplete={autoComplete ?? "off"}
          inputMode={inputMode}
          className={CONTROL_CLASS}
          {...control}
          {...content}
        />
      )}
    </FieldFrame>
  );
}

/** A textarea of dates, one per line or separated by commas, as the catalogue's imports read them. */
export function DateListField({ hint, ...field }: Props & { hint?: string }) {
  return (
    <TextField
      multiline
      {...field}
      hint={["Une date par ligne (ou séparées par des virgules), au format JJ/MM/AAAA", hint].filter(Boolean).join(", ") + "."}
    />
  );
}

/** A password: always required; the browser's password manager fills the current one or offers a new one. */
export function PasswordField({ purpose, ...field }: Props & { purpose: "current" | "new" }) {
  return <TextField {...field} type="password" autoComplete={`${purpose}-password`} required />;
}
