import { z } from "zod";

import { isCalendarDay } from "@/lib/dates/calendar-day";
import { optionalNamedText } from "@/lib/validation/form-fields";

import { ZScheduleSlot, type WeeklySchedule } from "./schedule";

// « Nouvelle demande d'inscription » as its form posts it (one field per input, flat), read into
// the request's shape: the child (or « Enfant à naître » with its expected birth date), the wished
// start date, one to three crèches in order of preference, the weekly planning (per weekday a
// box « Lundi »… and its « Arrivée » / « Départ »), comments, and which button was pressed.
// The rules that depend on today or on the crèches (6 months ahead, opening hours) are the
// server's (family-requests.ts).

export const UNBORN = "a-naitre";
export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const WEEKDAY_LABELS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"] as const;
export const MAX_CRECHES = 3;

const day = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message, abort: true })
    .refine(isCalendarDay, { error: "Date invalide : utilisez le format JJ/MM/AAAA." });

const optionalUuid = z.preprocess(
  (value) => (value === undefined || value === null ? "" : value),
  z.union([z.literal(""), z.uuid({ error: "Crèche introuvable : rechargez la page." })]),
);

const ticked = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");
const time = z.preprocess((value) => (value === undefined || value === null ? "" : value), z.string().trim());

const dayFields = Object.fromEntries(
  WEEKDAYS.flatMap((weekday) => [
    [`day${weekday}`, ticked],
    [`from${weekday}`, time],
    [`to${weekday}`, time],
  ]),
) as Record<`day${1 | 2 | 3 | 4 | 5}`, typeof ticked> & Record<`${"from" | "to"}${1 | 2 | 3 | 4 | 5}`, typeof time>;

export const ZFamilyRequestSchema = z
  .object({
    /** The request edited (a draft), absent for a new one; its version as the form loaded it. */
    id: z.preprocess((value) => (value === "" ? undefined : value), z.uuid({ error: "Demande introuvable." }).optional()),
    version: z.preprocess(
      (value) => (value === "" || value === undefined ? undefined : Number(value)),
      z.number().int().min(1).optional(),
    ),
    child: z
      .string({ error: "Choisissez l'enfant ou « Enfant à naître »." })
      .trim()
      .min(1, "Choisissez l'enfant ou « Enfant à naître »."),
    expectedBirthDate: z.preprocess((value) => value ?? "", z.string().trim()),
    unbornFirstName: optionalNamedText("Le prénom prévu", 60),
    wishedStartDate: day("La date d'entrée souhaitée est obligatoire."),
    creche1: optionalUuid,
    creche2: optionalUuid,
    creche3: optionalUuid,
    ...dayFields,
    comments: optionalNamedText("Le commentaire", 1000),
    intent: z.enum(["draft", "send"]).default("draft"),
  })
  .superRefine((input, context) => {
    if (input.child === UNBORN) {
      if (input.expectedBirthDate === "")
        context.addIssue({
          code: "custom",
          path: ["expectedBirthDate"],
          message: "La date de naissance prévue est obligatoire.",
        });
      else if (!isCalendarDay(input.expectedBirthDate))
        context.addIssue({
          code: "custom",
          path: ["expectedBirthDate"],
          message: "Date invalide : utilisez le format JJ/MM/AAAA.",
        });
    } else if (!z.uuid().safeParse(input.child).success) {
      context.addIssue({ code: "custom", path: ["child"], message: "Choisissez l'enfant ou « Enfant à naître »." });
    }
    if (input.creche1 === "")
      context.addIssue({ code: "custom", path: ["creche1"], message: "Choisissez au moins une crèche (n° 1)." });
    if (input.creche3 !== "" && input.creche2 === "")
      context.addIssue({ code: "custom", path: ["creche2"], message: "Choisissez la crèche n° 2 avant la n° 3." });
    const chosen = [input.creche1, input.creche2, input.creche3];
    chosen.forEach((creche, index) => {
      if (creche !== "" && chosen.indexOf(creche) < index)
        context.addIssue({ code: "custom", path: [`creche${index + 1}`], message: "Cette crèche est déjà choisie." });
    });
    const slots = scheduleOf(input);
    if (slots.length === 0) context.addIssue({ code: "custom", path: ["day1"], message: "Cochez au moins un jour d'accueil." });
    for (const weekday of WEEKDAYS) {
      if (!input[`day${weekday}`]) continue;
      const from = input[`from${weekday}`];
      const to = input[`to${weekday}`];
      const slot = ZScheduleSlot.safeParse({ weekday, from, to });
      if (!slot.success) {
        const issue = slot.error.issues[0];
        const field = issue.path[0] === "from" || from === "" ? `from${weekday}` : `to${weekday}`;
        context.addIssue({
          code: "custom",
          path: [field],
          message: from === "" || to === "" ? "Indiquez l'heure d'arrivée et de départ de ce jour." : issue.message,
        });
      }
    }
  })
  .transform((input) => ({
    id: input.id,
    version: input.version,
    childId: input.child === UNBORN ? null : input.child,
    expectedBirthDate: input.child === UNBORN ? input.expectedBirthDate : null,
    unbornFirstName: input.child === UNBORN ? input.unbornFirstName : "",
    wishedStartDate: input.wishedStartDate,
    crecheIds: [input.creche1, input.creche2, input.creche3].filter((id) => id !== ""),
    schedule: scheduleOf(input),
    comments: input.comments,
    intent: input.intent,
  }));

export type TFamilyRequestInput = z.input<typeof ZFamilyRequestSchema>;
export type TFamilyRequest = z.output<typeof ZFamilyRequestSchema>;

function scheduleOf(input: Record<string, unknown>): WeeklySchedule {
  return WEEKDAYS.filter((weekday) => input[`day${weekday}`] === true).map((weekday) => ({
    weekday,
    from: String(input[`from${weekday}`] ?? ""),
    to: String(input[`to${weekday}`] ?? ""),
  }));
}

const requestId = z.uuid({ error: "Demande introuvable." });
const version = z.coerce.number({ error: "Demande introuvable." }).int().min(1);

/** Send, cancel, confirm, accept or decline: the request and the version the page showed. */
export const ZRequestStepSchema = z.object({ id: requestId, version });
export type TRequestStep = z.output<typeof ZRequestStepSchema>;

/** « Rattacher l'enfant né »: the child of the family the unborn request now follows. */
export const ZAttachChildSchema = z.object({
  id: requestId,
  version,
  childId: z.uuid({ error: "Choisissez l'enfant né." }),
});
export type TAttachChild = z.output<typeof ZAttachChildSchema>;
