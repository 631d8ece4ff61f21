// French public holidays (jours fériés, metropolitan France), computed rather than listed so
// any year works. Alsace-Moselle's two extra days are not included.
import { addDays, type CalendarDay } from "@/lib/dates/calendar-day";

/** Easter Sunday (Gregorian), by the anonymous Meeus/Jones/Butcher algorithm. */
export function easterSunday(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export type PublicHoliday = { day: CalendarDay; name: string };

export function frenchPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return [
    { day: fixed(1, 1), name: "Jour de l'an" },
    { day: addDays(easter, 1), name: "Lundi de Pâques" },
    { day: fixed(5, 1), name: "Fête du Travail" },
    { day: fixed(5, 8), name: "Victoire 1945" },
    { day: addDays(easter, 39), name: "Ascension" },
    { day: addDays(easter, 50), name: "Lundi de Pentecôte" },
    { day: fixed(7, 14), name: "Fête nationale" },
    { day: fixed(8, 15), name: "Assomption" },
    { day: fixed(11, 1), name: "Toussaint" },
    { day: fixed(11, 11), name: "Armistice 1918" },
    { day: fixed(12, 25), name: "Noël" },
  ].sort((x, y) => x.day.localeCompare(y.day));
}
