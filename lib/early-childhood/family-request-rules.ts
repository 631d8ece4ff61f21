import { addDays, type CalendarDay } from "@/lib/dates/calendar-day";

// The family side's rules of a crèche request (SPEC §7), on plain values: « now » is passed in.

/** Requests for an « Enfant à naître » are accepted from the 4th month of pregnancy: a birth at most 6 months ahead. */
export const UNBORN_MAX_MONTHS_AHEAD = 6;
/** A request on the waiting list asks the family to confirm it every 3 months… */
export const CONFIRMATION_EVERY_MONTHS = 3;
/** …and closes 30 days after an unanswered ask. */
export const CONFIRMATION_ANSWER_DAYS = 30;
/** « Rattacher l'enfant né »: a child born within this many days of the expected date. */
export const BIRTH_MATCH_DAYS = 60;

/** The same day `months` later (clamped to the month's last day: 31/08 + 6 → 28/02). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const [year, month, date] = day.split("-").map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth).padStart(2, "0")}-${String(Math.min(date, last)).padStart(2, "0")}`;
}

/** Why an expected birth date is refused, or null: not in the past, at most 6 months ahead. */
export function unbornDateProblem(expectedBirth: CalendarDay, today: CalendarDay): string | null {
  if (expectedBirth < today) return "La date de naissance prévue est passée : inscrivez l'enfant né depuis « Mes enfants ».";
  if (expectedBirth > addMonths(today, UNBORN_MAX_MONTHS_AHEAD))
    return "Une demande pour un enfant à naître est acceptée à partir du 4e mois de grossesse (naissance prévue dans 6 mois au plus).";
  return null;
}

/** Why a wished start date is refused, or null: not in the past; after the birth for an unborn child. */
export function startDateProblem(start: CalendarDay, today: CalendarDay, expectedBirth: CalendarDay | null): string | null {
  if (start < today) return "La date d'entrée souhaitée est passée.";
  if (expectedBirth && start <= expectedBirth) return "La date d'entrée souhaitée doit suivre la naissance prévue.";
  return null;
}

/** « 1re », « 2e », « 3e »: a waiting-list position as the family reads it. */
export function ordinal(position: number): string {
  return position === 1 ? "1re" : `${position}e`;
}

/** « 3e sur la liste de MULTI-ACCUEIL LES PITCHOUNS » */
export function waitingPositionLabel(position: number, crecheName: string): string {
  return `${ordinal(position)} sur la liste de ${crecheName}`;
}

/**
 * What the daily job does with a request on the waiting list (Guide: every 3 months the family
 * confirms its request is still wanted, or it closes 30 days later): "ask" when 3 months passed
 * since the last confirmation (or since it was sent) and nothing is asked yet; "close" 30 days
 * after an unanswered ask; otherwise nothing.
 */
export function confirmationStep(
  request: { since: CalendarDay; requestedOn: CalendarDay | null },
  today: CalendarDay,
): "ask" | "close" | null {
  if (request.requestedOn) return today >= addDays(request.requestedOn, CONFIRMATION_ANSWER_DAYS) ? "close" : null;
  return today >= addMonths(request.since, CONFIRMATION_EVERY_MONTHS) ? "ask" : null;
}

/** The last day to confirm, after an ask on `requestedOn`. */
export function confirmationDeadline(requestedOn: CalendarDay): CalendarDay {
  return addDays(requestedOn, CONFIRMATION_ANSWER_DAYS - 1);
}

/** Whether a child's birth date is near enough the expected one to attach it to the request. */
export function bornNearExpected(birth: CalendarDay, expected: CalendarDay): boolean {
  const gap = Math.abs(new Date(`${birth}T00:00:00Z`).getTime() - new Date(`${expected}T00:00:00Z`).getTime()) / 86_400_000;
  return gap <= BIRTH_MATCH_DAYS;
}
