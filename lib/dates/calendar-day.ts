// A calendar day ("2026-11-26") is the unit of every booking rule. PostgreSQL `date` columns
// come back from Prisma as a Date at UTC midnight; these helpers convert both ways without ever
// letting the server's own time zone shift a day.
import { TZDate } from "@date-fns/tz";

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

/** The day it is in Paris at the given instant. */
export function parisToday(now: Date): CalendarDay {
  const paris = new TZDate(now.getTime(), PARIS);
  return [paris.getFullYear(), paris.getMonth() + 1, paris.getDate()]
    .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, "0"))
    .join("-");
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
  const paris = new TZDate(instant.getTime(), PARIS);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(paris.getDate())}/${pad(paris.getMonth() + 1)}/${paris.getFullYear()} à ${pad(paris.getHours())}:${pad(paris.getMinutes())}`;
}
