import { z } from "zod";

// Building blocks shared by the catalogue's form schemas: what an HTML form posts (strings,
// absent checkboxes, comma-joined lists) turned into typed values with French messages.

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .max(max, `${label} ne peut pas dépasser ${max} caractères.`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} ne peut pas dépasser ${max} caractères.`)
    .optional()
    .nullable()
    .transform((value) => (value ? value : null));

/** A checkbox: "on" when ticked, absent otherwise ("true"/"false" and booleans from code). */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

/** A list posted as one comma-joined field (or an array from code); empty → []. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (Array.isArray(value) ? value : typeof value === "string" ? value.split(",").map((entry) => entry.trim()).filter(Boolean) : value === undefined || value === null ? [] : value),
    z.array(item),
  );

/** An optional whole number typed in a field: "" → null. */
export const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : typeof value === "string" ? Number(value.trim()) : value),
    z
      .number({ error: `${label} doit être un nombre entier.` })
      .int(`${label} doit être un nombre entier.`)
      .min(min, `${label} doit être compris entre ${min} et ${max}.`)
      .max(max, `${label} doit être compris entre ${min} et ${max}.`)
      .nullable(),
  );

/** An id chosen in a select, or nothing: "" → null. */
export const optionalId = (message: string) =>
  z.preprocess((value) => (value === "" || value === undefined ? null : value), z.uuid({ error: message }).nullable());
