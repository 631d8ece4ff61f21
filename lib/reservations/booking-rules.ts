// The booking rules of a period, as pure functions (STYLE.md: "now" is passed in). The planning
// shows exactly what the server enforces because both call these functions. Every deadline is
// a wall-clock time in Europe/Paris, converted to an instant DST-correctly by @date-fns/tz.
import { TZDate } from "@date-fns/tz";

import { ageInMonths } from "@/lib/children/age";
import {
  addDays,
  eachDay,
  isoWeekday,
  MONTH_NAMES,
  PARIS,
  parisToday,
  WEEKDAY_NAMES,
  type CalendarDay,
} from "@/lib/dates/calendar-day";

export type DeadlineRuleKind = "WEEKDAY_OF_PREVIOUS_WEEK" | "DAYS_BEFORE";

export type DeadlineRule = {
  kind: DeadlineRuleKind;
  /** ISO weekday 1 (Monday) … 7 (Sunday), for WEEKDAY_OF_PREVIOUS_WEEK. */
  weekday: number | null;
  /** For DAYS_BEFORE. */
  daysBefore: number | null;
  /** Minutes after midnight, Paris time (23:59 → 1439). */
  timeOfDay: number;
};

export type PeriodRules = {
  startDate: CalendarDay;
  endDate: CalendarDay;
  /** ISO weekdays the service is open. */
  openWeekdays: number[];
  lastBookingDate: CalendarDay | null;
  bookingRule: DeadlineRule;
  changeRule: DeadlineRule;
};

export type PeriodEligibility = {
  minAgeYears: number | null;
  maxAgeYears: number | null;
  schoolLevels: string[];
  eligibleSchoolIds: string[];
};

export type ChildForEligibility = { birthDate: CalendarDay; schoolId: string | null; schoolLevel: string | null };

const WEEKDAY_SHORT = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
const WEEKDAY_TITLE = ["Lun", "Mar", "Mer", "Jeu", "Ven", "Sam", "Dim"];

const wallClockInstants = new Map<string, number>();

/**
 * The instant at which it is `minutes` after midnight of `day` on Paris clocks. A planning asks
 * it for every day of a period; each answer is kept (TZDate asks Intl several times).
 */
export function parisWallClock(day: CalendarDay, minutes: number): Date {
  const key = `${day}|${minutes}`;
  let instant = wallClockInstants.get(key);
  if (instant === undefined) {
    const [year, month, date] = day.split("-").map(Number);
    instant = new TZDate(year, month - 1, date, 0, minutes, PARIS).getTime();
    if (wallClockInstants.size > 50_000) wallClockInstants.clear();
    wallClockInstants.set(key, instant);
  }
  return new Date(instant);
}

/** The day on which the deadline for booking (or changing) `day` falls. */
export function deadlineDay(day: CalendarDay, rule: DeadlineRule): CalendarDay {
  if (rule.kind === "WEEKDAY_OF_PREVIOUS_WEEK") {
    // Guide: "réserver avant le mardi de la semaine précédant la date souhaitée".
    const mondayOfWeek = addDays(day, 1 - isoWeekday(day));
    return addDays(mondayOfWeek, -7 + ((rule.weekday ?? 1) - 1));
  }
  return addDays(day, -(rule.daysBefore ?? 0));
}

/**
 * The first instant at which it is too late. "Heure limite : 23:59" means the whole minute
 * 23:59 is still allowed: 23:59:59 is in time, 00:00:00 the next day is not.
 */
export function deadlineInstant(day: CalendarDay, rule: DeadlineRule): Date {
  return parisWallClock(deadlineDay(day, rule), rule.timeOfDay + 1);
}

export function isBeforeDeadline(day: CalendarDay, rule: DeadlineRule, now: Date): boolean {
  return now.getTime() < deadlineInstant(day, rule).getTime();
}

export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "Vous devez réserver avant le mardi de la semaine précédant la date souhaitée". */
export function describeRule(rule: DeadlineRule, verb = "réserver"): string {
  if (rule.kind === "WEEKDAY_OF_PREVIOUS_WEEK") {
    return `Vous devez ${verb} avant le ${WEEKDAY_NAMES[(rule.weekday ?? 1) - 1]} de la semaine précédant la date souhaitée`;
  }
  const days = rule.daysBefore ?? 0;
  if (days === 0) return `Vous devez ${verb} au plus tard le jour même`;
  return `Vous devez ${verb} au plus tard ${days} jour${days > 1 ? "s" : ""} avant la date souhaitée`;
}

/** The last day on which bookings of the period may be validated. */
export function lastBookingDay(period: Pick<PeriodRules, "lastBookingDate" | "endDate">): CalendarDay {
  return period.lastBookingDate ?? period.endDate;
}

/** The days the service opens on: within the period, on its weekdays (closures included, flagged). */
export function openDays(
  period: Pick<PeriodRules, "startDate" | "endDate" | "openWeekdays">,
  closures: ReadonlyMap<CalendarDay, string>,
): { day: CalendarDay; closure: string | null }[] {
  return eachDay(period.startDate, period.endDate)
    .filter((day) => period.openWeekdays.includes(isoWeekday(day)))
    .map((day) => ({ day, closure: closures.get(day) ?? null }));
}

export function isOpenDay(period: Pick<PeriodRules, "startDate" | "endDate" | "openWeekdays">, day: CalendarDay): boolean {
  return day >= period.startDate && day <= period.endDate && period.openWeekdays.includes(isoWeekday(day));
}

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

/** "Seuls les services accessibles à cet enfant vous seront proposés": age, school level, school. */
export function childEligibility(child: ChildForEligibility, rules: PeriodEligibility, onDay: CalendarDay): Eligibility {
  if (rules.eligibleSchoolIds.length > 0 && (!child.schoolId || !rules.eligibleSchoolIds.includes(child.schoolId))) {
    return { eligible: false, reason: "service réservé aux élèves d'une autre école" };
  }
  if (rules.schoolLevels.length > 0 && (!child.schoolLevel || !rules.schoolLevels.includes(child.schoolLevel))) {
    return { eligible: false, reason: `service réservé aux niveaux ${rules.schoolLevels.join(", ")}` };
  }
  const years = Math.floor(ageInMonths(child.birthDate, onDay) / 12);
  if (rules.minAgeYears !== null && years < rules.minAgeYears) {
    return { eligible: false, reason: `service accessible à partir de ${rules.minAgeYears} ans` };
  }
  if (rules.maxAgeYears !== null && years > rules.maxAgeYears) {
    return { eligible: false, reason: `service accessible jusqu'à ${rules.maxAgeYears} ans` };
  }
  return { eligible: true };
}

/** day_part: the child has a clashing journée / demi-journée that date (lib/reservations/day-parts.ts). */
export type CellKind = "bookable" | "booked" | "full" | "past_deadline" | "closed" | "not_eligible" | "day_part";

export type CellState = {
  kind: CellKind;
  /** Whether the box starts ticked. */
  checked: boolean;
  /** Whether the parent may tick or untick it. */
  editable: boolean;
  /** Why it is greyed (French), shown on hover and focus. */
  reason: string | null;
};

export type CellInput = {
  day: CalendarDay;
  now: Date;
  period: PeriodRules;
  closureReason: string | null;
  eligibility: Eligibility;
  /** This unit-day's counter (capacity from the unit when no row exists yet). */
  capacity: number;
  booked: number;
  /** The day belongs to the reservation being modified (the child holds its place). */
  heldByReplacedReservation: boolean;
  /** The child already has this unit and day in another active reservation. */
  bookedElsewhere: { number: number } | null;
};

export const REASONS = {
  full: "Plus de place disponible — contactez le service",
  bookingDeadline: "Délai de réservation dépassé",
  changeDeadline: "Délai de modification dépassé : cette journée ne peut plus être modifiée",
  lastBookingDate: "Les réservations de cette période sont closes",
} as const;

export function formatReservationNumber(number: number): string {
  return String(number).padStart(6, "0");
}

/** Why a new day cannot be booked, or null when it can (capacity apart: the database decides). */
export function newDayRefusal(
  input: Omit<CellInput, "capacity" | "booked" | "heldByReplacedReservation" | "bookedElsewhere">,
): string | null {
  if (!isOpenDay(input.period, input.day)) return "le service n'est pas ouvert ce jour-là";
  if (input.closureReason) return `fermé (${input.closureReason})`;
  if (!input.eligibility.eligible) return input.eligibility.reason;
  if (parisToday(input.now) > lastBookingDay(input.period)) return REASONS.lastBookingDate.toLowerCase();
  if (!isBeforeDeadline(input.day, input.period.bookingRule, input.now)) return REASONS.bookingDeadline.toLowerCase();
  return null;
}

/** The state of one planning cell (a unit on a day) for one child. */
export function cellState(input: CellInput): CellState {
  if (input.heldByReplacedReservation) {
    // Modifier / Annuler: only days whose change deadline has not passed can change.
    return isBeforeDeadline(input.day, input.period.changeRule, input.now)
      ? { kind: "bookable", checked: true, editable: true, reason: null }
      : { kind: "past_deadline", checked: true, editable: false, reason: REASONS.changeDeadline };
  }
  if (input.closureReason) return { kind: "closed", checked: false, editable: false, reason: `Fermé : ${input.closureReason}` };
  if (input.bookedElsewhere) {
    return {
      kind: "booked",
      checked: true,
      editable: false,
      reason: `Déjà réservé (réservation n° ${formatReservationNumber(input.bookedElsewhere.number)})`,
    };
  }
  if (!input.eligibility.eligible) {
    return { kind: "not_eligible", checked: false, editable: false, reason: `Non accessible : ${input.eligibility.reason}` };
  }
  if (parisToday(input.now) > lastBookingDay(input.period)) {
    return { kind: "past_deadline", checked: false, editable: false, reason: REASONS.lastBookingDate };
  }
  if (!isBeforeDeadline(input.day, input.period.bookingRule, input.now)) {
    return { kind: "past_deadline", checked: false, editable: false, reason: REASONS.bookingDeadline };
  }
  if (input.booked >= input.capacity) return { kind: "full", checked: false, editable: false, reason: REASONS.full };
  return { kind: "bookable", checked: false, editable: true, reason: null };
}

/**
 * The open, not closed days of the first week (Monday to Sunday) that still has a bookable day,
 * from `now` on. The e2e journey books "the next bookable week" with it.
 */
export function nextBookableWeek(period: PeriodRules, closures: ReadonlyMap<CalendarDay, string>, now: Date): CalendarDay[] {
  const today = parisToday(now);
  const bookable = openDays(period, closures).filter(
    ({ day, closure }) => day >= today && !closure && isBeforeDeadline(day, period.bookingRule, now),
  );
  if (bookable.length === 0) return [];
  const monday = addDays(bookable[0].day, 1 - isoWeekday(bookable[0].day));
  const sunday = addDays(monday, 6);
  return bookable.filter(({ day }) => day <= sunday).map(({ day }) => day);
}

/** "mar. 17/03/2020" */
export function dayLabel(day: CalendarDay): string {
  const [year, month, date] = day.split("-");
  return `${WEEKDAY_SHORT[isoWeekday(day) - 1]} ${date}/${month}/${year}`;
}

/** "lun. 16" — the planning's row header. */
export function shortDayLabel(day: CalendarDay): string {
  return `${WEEKDAY_SHORT[isoWeekday(day) - 1]} ${day.slice(8, 10)}`;
}

/** "Lun Mar Jeu Ven" */
export function openWeekdaysLabel(openWeekdays: number[]): string {
  return [...openWeekdays]
    .sort()
    .map((weekday) => WEEKDAY_TITLE[weekday - 1])
    .join(" ");
}

/** "2020-03" → "mars 2020" */
export function monthLabel(month: string): string {
  const [year, index] = month.split("-").map(Number);
  return `${MONTH_NAMES[index - 1]} ${year}`;
}

export function monthOf(day: CalendarDay): string {
  return day.slice(0, 7);
}
