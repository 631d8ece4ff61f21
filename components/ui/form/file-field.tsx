"use client";

import { FieldFrame, useFieldWiring, type FieldProps } from "./field";

/** A file input; the server decides what is accepted. Required unless told otherwise. */
export function FileField({
  accept,
  required = true,
  ...field
}: Omit<FieldProps, "name" | "registration" | "required"> & { name?: string; accept: string; required?: boolean }) {
  const { id, error, control } = useFieldWiring({ ...field, name: field.name ?? "file", required });
  return (
    <FieldFrame id={id} label={field.label} hint={field.hint} error={error} required={required} className={field.className}>
      <input type="file" accept={accept} className="mt-1 block" {...control} />
    </FieldFrame>
  );
}
