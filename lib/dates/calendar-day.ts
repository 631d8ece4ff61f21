// A calendar day ("2026-11-26") is the unit of every booking rule. PostgreSQL `date` columns
// come back from Prisma as a Date at UTC midnight; these helpers convert both ways without ever
// letting the server's own time zone shift a day.
import { tzOffset } from "@date-fns/tz";

export type CalendarDay = string;

export const PARIS = "Europe/Paris";

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDay(value: string): value is CalendarDay {
  if (!DAY_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function dayToDate(day: CalendarDay): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function dateToDay(date: Date): CalendarDay {
  return date.toISOString().slice(0, 10);
}

const HOUR_MS = 3_600_000;
const parisOffsetByUtcHour = new Map<number, number>();

/**
 * Paris's offset from UTC at `instant`, in milliseconds. Asking Intl for it costs microseconds
 * and a page asks hundreds of times, so it is kept per UTC hour: Paris changes its clocks on
 * a whole UTC hour (01:00 UTC), so every instant of one UTC hour has the same offset.
 */
function parisOffsetMs(instant: number): number {
  const hour = Math.floor(instant / HOUR_MS);
  let offset = parisOffsetByUtcHour.get(hour);
  if (offset === undefined) {
    if (parisOffsetByUtcHour.size > 50_000) parisOffsetByUtcHour.clear();
    offset = tzOffset(PARIS, new Date(hour * HOUR_MS)) * 60_000;
    parisOffsetByUtcHour.set(hour, offset);
  }
  return offset;
}

/** The Paris wall clock at `instant`, as the UTC fields of a Date. */
function parisWall(instant: Date): Date {
  return new Date(instant.getTime() + parisOffsetMs(instant.getTime()));
}

/** The day it is in Paris at the given instant. */
export function parisToday(now: Date): CalendarDay {
  return dateToDay(parisWall(now));
}

export function addDays(day: CalendarDay, count: number): CalendarDay {
  const date = dayToDate(day);
  date.setUTCDate(date.getUTCDate() + count);
  return dateToDay(date);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: CalendarDay): number {
  const weekday = dayToDate(day).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function eachDay(from: CalendarDay, to: CalendarDay): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The French names of the ISO weekdays (1 = lundi) and of the months (1 = janvier), for labels. */
export const WEEKDAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
export const MONTH_NAMES = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** "26/11/2026" */
export function formatDay(day: CalendarDay): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}

/** "26/11/2026 à 10:06", in Paris time. */
export function formatDateTime(instant: Date): string {
  const paris = parisWall(instant);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(paris.getUTCDate())}/${pad(paris.getUTCMonth() + 1)}/${paris.getUTCFullYear()} à ${pad(paris.getUTCHours())}:${pad(paris.getUTCMinutes())}`;
}
