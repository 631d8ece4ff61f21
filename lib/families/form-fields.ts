// Field rules shared by the family record and the child sheet schemas (French messages, used by
// react-hook-form on the client and by the server action alike).
import { z } from "zod";
import { isCalendarDay } from "@/lib/dates/calendar-day";

export const tooLong = (max: number) => `Ce champ ne peut pas dépasser ${max} caractères.`;

/** A required text: trimmed, not empty. */
export const requiredText = (message: string, max = 100) => z.string({ error: message }).trim().min(1, message).max(max, tooLong(max));

/** An optional text: "" when left empty. */
export const optionalText = (max = 100) => z.string({ error: "Valeur invalide." }).trim().max(max, tooLong(max));

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

/** A <select> whose empty option means "not answered": "" or one of the values. */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.literal("")], { error: "Choix invalide." });

export const requiredChoice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });

/** The values of a non-empty `as const` list of choices, as the tuple z.enum wants. */
export const optionValues = <V extends string>(options: readonly [{ readonly value: V }, ...{ readonly value: V }[]]): [V, ...V[]] => [
  options[0].value,
  ...options.slice(1).map((option) => option.value),
];

/** An <input type="date"> value (AAAA-MM-JJ), a plausible birth date. */
export const birthDay = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message, abort: true })
    .refine((value) => isCalendarDay(value) && value >= "1900-01-01", { error: "Date invalide : utilisez le format JJ/MM/AAAA." });

export const optionalBirthDay = z
  .string({ error: "Date invalide." })
  .trim()
  .refine((value) => value === "" || (isCalendarDay(value) && value >= "1900-01-01"), { error: "Date invalide : utilisez le format JJ/MM/AAAA." });

/** OUI / NON answer (a select). */
export const yesNo = (message: string) => z.enum(["OUI", "NON"], { error: message });

export const UNEXPECTED_FIELD = "Le formulaire contient des données inattendues : rechargez la page et recommencez.";

export const blankToNull = (value: string) => (value.trim() === "" ? null : value.trim());
