import { z } from "zod";

import { isCalendarDay } from "@/lib/dates/calendar-day";
import { checkbox, list, optionalInt, requiredNamedText } from "@/lib/validation/form-fields";

export const SCHOOL_LEVELS = ["TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2", "COLLEGE", "LYCEE"] as const;
export const WEEKDAY_LABELS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;
export const DEADLINE_KINDS = ["WEEKDAY_OF_PREVIOUS_WEEK", "DAYS_BEFORE"] as const;

const day = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .refine(isCalendarDay, `${label} n'est pas une date valide.`);

const optionalDay = (label: string) =>
  z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.string().trim().refine(isCalendarDay, `${label} n'est pas une date valide.`).nullable(),
  );

const time = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} doit être au format HH:MM (exemple : 23:59).`)
    .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)));

const kind = z.enum(DEADLINE_KINDS, { error: "Choisissez le type de délai." });

export const ZPeriodSchema = z
  .object({
    establishmentId: z.uuid({ error: "Choisissez un établissement." }),
    activityId: z.uuid({ error: "Choisissez une activité." }),
    name: requiredNamedText("Le nom de la période", 120).transform((value) => value.replace(/\s+/g, " ")),
    startDate: day("La date de début"),
    endDate: day("La date de fin"),
    openWeekdays: list(
      z.coerce
        .number({ error: "Jour d'ouverture inconnu." })
        .int("Jour d'ouverture inconnu.")
        .min(1, "Jour d'ouverture inconnu.")
        .max(7, "Jour d'ouverture inconnu."),
    ).pipe(
      z
        .array(z.number())
        .min(1, "Cochez au moins un jour d'ouverture.")
        .transform((days) => [...new Set(days)].sort()),
    ),
    lastBookingDate: optionalDay("La dernière date de réservation"),
    bookingKind: kind,
    bookingWeekday: optionalInt("Le jour limite", 1, 7),
    bookingDaysBefore: optionalInt("Le nombre de jours", 0, 365),
    bookingTime: time("L'heure limite de réservation"),
    changeKind: kind,
    changeWeekday: optionalInt("Le jour limite", 1, 7),
    changeDaysBefore: optionalInt("Le nombre de jours", 0, 365),
    changeTime: time("L'heure limite de modification"),
    validationMode: z.enum(["AUTO", "MANUAL"], { error: "Choisissez le mode de validation." }),
    minAgeYears: optionalInt("L'âge minimum", 0, 25),
    maxAgeYears: optionalInt("L'âge maximum", 0, 25),
    schoolLevels: list(z.enum(SCHOOL_LEVELS, { error: "Niveau scolaire inconnu." })).transform((levels) => [...new Set(levels)]),
    eligibleSchoolIds: list(z.uuid({ error: "École introuvable." })).transform((ids) => [...new Set(ids)]),
    active: checkbox,
  })
  .superRefine((input, context) => {
    if (input.startDate > input.endDate)
      context.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "La date de fin doit être postérieure ou égale à la date de début.",
      });
    // The last day families may book, compared with today: it may well come before the period
    // starts (bookings of a summer ALSH close in June), not after it ends.
    if (input.lastBookingDate && input.lastBookingDate > input.endDate) {
      context.addIssue({
        code: "custom",
        path: ["lastBookingDate"],
        message: "La dernière date de réservation ne peut pas être après la fin de la période.",
      });
    }
    if (input.minAgeYears !== null && input.maxAgeYears !== null && input.minAgeYears > input.maxAgeYears) {
      context.addIssue({
        code: "custom",
        path: ["maxAgeYears"],
        message: "L'âge maximum doit être supérieur ou égal à l'âge minimum.",
      });
    }
    for (const prefix of ["booking", "change"] as const) {
      if (input[`${prefix}Kind`] === "WEEKDAY_OF_PREVIOUS_WEEK" && input[`${prefix}Weekday`] === null) {
        context.addIssue({ code: "custom", path: [`${prefix}Weekday`], message: "Choisissez le jour de la semaine précédente." });
      }
      if (input[`${prefix}Kind`] === "DAYS_BEFORE" && input[`${prefix}DaysBefore`] === null) {
        context.addIssue({
          code: "custom",
          path: [`${prefix}DaysBefore`],
          message: "Indiquez le nombre de jours avant (0 pour le jour même).",
        });
      }
    }
  })
  .transform(
    ({
      bookingKind,
      bookingWeekday,
      bookingDaysBefore,
      bookingTime,
      changeKind,
      changeWeekday,
      changeDaysBefore,
      changeTime,
      ...period
    }) => {
      const rule = (
        ruleKind: (typeof DEADLINE_KINDS)[number],
        weekday: number | null,
        daysBefore: number | null,
        timeOfDay: number,
      ) =>
        ruleKind === "WEEKDAY_OF_PREVIOUS_WEEK"
          ? { kind: ruleKind, weekday, daysBefore: null, timeOfDay }
          : { kind: ruleKind, weekday: null, daysBefore, timeOfDay };
      return {
        ...period,
        bookingRule: rule(bookingKind, bookingWeekday, bookingDaysBefore, bookingTime),
        changeRule: rule(changeKind, changeWeekday, changeDaysBefore, changeTime),
      };
    },
  );
export type TPeriodInput = z.input<typeof ZPeriodSchema>;
export type TPeriod = z.output<typeof ZPeriodSchema>;

export const ZPeriodUpdateSchema = z.intersection(z.object({ id: z.uuid({ error: "Période introuvable." }) }), ZPeriodSchema);
