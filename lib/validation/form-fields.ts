// The zod rules of form fields, for every form's schema (used by react-hook-form or by the staff
// forms' check in the browser, and by the server action alike), with their French messages.
//
// One meaning for an empty field: an optional text left empty is "" — the value the input holds —
// in what the form sends and in what the schema parses, so the browser's parsed values post and
// parse again unchanged, and a form compares them with what it loaded. It becomes NULL only where
// a nullable column is written, through `blankToNull` (in the writer, or as the schema's last step
// when the schema maps one-to-one onto the row). Absent, null and "" all read as empty.
import { z } from "zod";

import { isCalendarDay } from "@/lib/dates/calendar-day";

export const UNEXPECTED_FIELD = "Le formulaire contient des données inattendues : rechargez la page et recommencez.";

export const tooLong = (max: number) => `Ce champ ne peut pas dépasser ${max} caractères.`;

/** "" (or nothing) → null, anything else trimmed: what a nullable column stores. */
export const blankToNull = (value: string | null | undefined) => (value == null || value.trim() === "" ? null : value.trim());

/** A required text: trimmed, not empty. */
export const requiredText = (message: string, max = 100, tooLongMessage = tooLong(max)) =>
  z.string({ error: message }).trim().min(1, message).max(max, tooLongMessage);

/** An optional text: trimmed, "" when left empty (see above). */
export const optionalText = (max = 100, tooLongMessage = tooLong(max)) =>
  z
    .string({ error: "Valeur invalide." })
    .trim()
    .max(max, tooLongMessage)
    .nullish()
    .transform((value) => value ?? "");

/** The same two, their messages naming the field: « Le nom de l'activité est obligatoire. » */
export const requiredNamedText = (label: string, max: number) =>
  requiredText(`${label} est obligatoire.`, max, `${label} ne peut pas dépasser ${max} caractères.`);
export const optionalNamedText = (label: string, max: number) =>
  optionalText(max, `${label} ne peut pas dépasser ${max} caractères.`);

/** A checkbox: "on" when ticked, absent otherwise ("true"/"false" and booleans from code). */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

/**
 * A checkbox group: the ticked boxes' values (one value when one box is ticked), or a
 * comma-joined string from code; nothing ticked → [].
 */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      Array.isArray(value)
        ? value
        : typeof value === "string"
          ? value
              .split(",")
              .map((entry) => entry.trim())
              .filter(Boolean)
          : value === undefined || value === null
            ? []
            : value,
    z.array(item),
  );

/** An optional whole number typed in a field: empty → null. */
export const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) =>
      value === undefined || value === null || (typeof value === "string" && value.trim() === "")
        ? null
        : typeof value === "string"
          ? Number(value.trim())
          : value,
    z
      .number({ error: `${label} doit être un nombre entier.` })
      .int(`${label} doit être un nombre entier.`)
      .min(min, `${label} doit être compris entre ${min} et ${max}.`)
      .max(max, `${label} doit être compris entre ${min} et ${max}.`)
      .nullable(),
  );

/** Where an item comes in a list shown to families (0 first): empty → 0. */
export const displayOrder = z.preprocess(
  (value) =>
    value === undefined || value === null || (typeof value === "string" && value.trim() === "")
      ? 0
      : typeof value === "string"
        ? Number(value.trim())
        : value,
  z
    .number({ error: "L'ordre d'affichage doit être un nombre entier." })
    .int("L'ordre d'affichage doit être un nombre entier.")
    .min(0, "L'ordre d'affichage doit être positif ou nul.")
    .max(999, "L'ordre d'affichage ne peut pas dépasser 999."),
);

/** An id chosen in a select, or nothing: empty → null (an id is not a text: no id is null). */
export const optionalId = (message: string) =>
  z.preprocess((value) => (value === "" || value === undefined ? null : value), z.uuid({ error: message }).nullable());

/** The values of a non-empty `as const` list of choices, as the tuple z.enum wants. */
export const optionValues = <V extends string>(
  options: readonly [{ readonly value: V }, ...{ readonly value: V }[]],
): [V, ...V[]] => [options[0].value, ...options.slice(1).map((option) => option.value)];

/** A <select> whose empty option means "not answered": "" or one of the values. */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.literal("")], { error: "Choix invalide." });

export const requiredChoice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });

/** OUI / NON answer (a select). */
export const yesNo = (message: string) => z.enum(["OUI", "NON"], { error: message });

const PHONE_PATTERN = /^\+?[0-9 .()-]{6,25}$/;
export const PHONE_MESSAGE = "Numéro de téléphone invalide (exemple : 05 65 77 88 00).";

export function isPhone(value: string): boolean {
  return PHONE_PATTERN.test(value) && value.replace(/\D/g, "").length >= 10 && value.replace(/\D/g, "").length <= 15;
}

export const optionalPhone = z
  .string({ error: PHONE_MESSAGE })
  .trim()
  .refine((value) => value === "" || isPhone(value), { error: PHONE_MESSAGE });

export const requiredPhone = (message: string) =>
  z.string({ error: message }).trim().min(1, { error: message, abort: true }).refine(isPhone, { error: PHONE_MESSAGE });

export const optionalPostalCode = z
  .string({ error: "Code postal invalide." })
  .trim()
  .refine((value) => value === "" || /^\d{5}$/.test(value), { error: "Le code postal comporte 5 chiffres (exemple : 12000)." });

/** An <input type="date"> value (AAAA-MM-JJ), a plausible birth date. */
export const birthDay = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message, abort: true })
    .refine((value) => isCalendarDay(value) && value >= "1900-01-01", {
      error: "Date invalide : utilisez le format JJ/MM/AAAA.",
    });

export const optionalBirthDay = z
  .string({ error: "Date invalide." })
  .trim()
  .refine((value) => value === "" || (isCalendarDay(value) && value >= "1900-01-01"), {
    error: "Date invalide : utilisez le format JJ/MM/AAAA.",
  });
