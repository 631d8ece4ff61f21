import { z } from "zod";

import { WEEKDAY_NAMES } from "@/lib/dates/calendar-day";

// A weekly planning (SPEC §7): the days and hours a child is wished (a request's wishedSchedule),
// offered (offeredPlanning) or contracted (ChildcareContract.weeklyPlanning). One shape for the
// three: [{ weekday: 1, from: "08:30", to: "17:30" }, …], weekday 1 = lundi … 5 = vendredi, at most
// one slot per day, stored in JSON columns and always read back through parseWeeklySchedule.

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const ZScheduleSlot = z
  .object({
    weekday: z.coerce.number().int().min(1, "Jour invalide.").max(5, "Les crèches accueillent du lundi au vendredi."),
    from: z.string().regex(TIME, "Heure d'arrivée au format HH:MM."),
    to: z.string().regex(TIME, "Heure de départ au format HH:MM."),
  })
  .refine((slot) => slot.from < slot.to, { message: "L'heure de départ doit suivre l'heure d'arrivée.", path: ["to"] });

export const ZWeeklySchedule = z
  .array(ZScheduleSlot)
  .min(1, "Indiquez au moins un jour d'accueil.")
  .max(5)
  .refine((slots) => new Set(slots.map((slot) => slot.weekday)).size === slots.length, {
    message: "Un même jour est indiqué deux fois.",
  });

export type ScheduleSlot = z.infer<typeof ZScheduleSlot>;
export type WeeklySchedule = ScheduleSlot[];

/** Reads a JSON column back (sorted by weekday); a malformed value reads as an empty planning. */
export function parseWeeklySchedule(value: unknown): WeeklySchedule {
  const parsed = ZWeeklySchedule.safeParse(value);
  return parsed.success ? [...parsed.data].sort((a, b) => a.weekday - b.weekday) : [];
}

export function minutesOfTime(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours * 60 + minutes;
}

export function slotMinutes(slot: ScheduleSlot): number {
  return minutesOfTime(slot.to) - minutesOfTime(slot.from);
}

/** Hours per week of a planning, in minutes (the PSU mensualisation's « heures par semaine »). */
export function weeklyMinutes(schedule: WeeklySchedule): number {
  return schedule.reduce((sum, slot) => sum + slotMinutes(slot), 0);
}

/** The minutes planned on an ISO weekday (1 = lundi), 0 when the child does not come. */
export function minutesOnWeekday(schedule: WeeklySchedule, weekday: number): number {
  const slot = schedule.find((entry) => entry.weekday === weekday);
  return slot ? slotMinutes(slot) : 0;
}

/** Whether every slot fits in a crèche's opening hours ("HH:MM"). */
export function fitsOpeningHours(schedule: WeeklySchedule, opensAt: string, closesAt: string): boolean {
  return schedule.every((slot) => slot.from >= opensAt && slot.to <= closesAt);
}

const SHORT_DAYS = ["Lun", "Mar", "Mer", "Jeu", "Ven"];

function formatTime(time: string): string {
  return time.replace(":", "h");
}

/**
 * « Lun–Jeu 8h30–17h30 ; Ven 8h30–12h00 »: consecutive days with the same hours are grouped, as
 * the dashboard's « Planning » column and the request pages show it.
 */
export function formatWeeklySchedule(schedule: WeeklySchedule): string {
  const sorted = [...schedule].sort((a, b) => a.weekday - b.weekday);
  const groups: { first: number; last: number; from: string; to: string }[] = [];
  for (const slot of sorted) {
    const previous = groups.at(-1);
    if (previous && previous.last === slot.weekday - 1 && previous.from === slot.from && previous.to === slot.to) {
      previous.last = slot.weekday;
    } else {
      groups.push({ first: slot.weekday, last: slot.weekday, from: slot.from, to: slot.to });
    }
  }
  return groups
    .map((group) => {
      const days =
        group.first === group.last ? SHORT_DAYS[group.first - 1] : `${SHORT_DAYS[group.first - 1]}–${SHORT_DAYS[group.last - 1]}`;
      return `${days} ${formatTime(group.from).replace(/^0/, "")}–${formatTime(group.to).replace(/^0/, "")}`;
    })
    .join(" ; ");
}

/** « lundi » … « vendredi », for a planning's labelled fields. */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1];
}
