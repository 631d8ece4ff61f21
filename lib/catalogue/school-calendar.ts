// The French school year of zone C (académie de Toulouse, so Rodez), computed by rule like the
// public holidays, so that the demo town always has a current year to book (prisma/seed.ts).
// Pure: the day is passed in.
//
// The rules, checked against the official zone C calendars 2023-2024 to 2026-2027 (unit tests):
// - rentrée: 1 September, or Thursday 2 when the 1st is a Wednesday, or the next Monday when it
//   is a Friday, Saturday or Sunday;
// - Toussaint: two weeks, classes resume on the first Monday after 1 November;
// - Noël: two weeks from the Saturday on or before 23 December;
// - hiver and printemps: the three zones take turns over three consecutive Saturdays — the first
//   is the Saturday between 4 and 10 February (between 2 and 8 April for printemps) — and zone C's
//   place in that order turns every year: first in 2024 and 2027, second in 2025, last in 2026.
//   That rotation is the one the ministry has followed since 2023; later calendars may break it
//   (an approximation beyond the published years);
// - pont de l'Ascension: the Friday after Ascension Thursday (unless the spring holidays take it in);
// - summer: from the Saturday on or after 2 July (the year's last day of class is the Friday before).
// A holiday runs from its first Saturday to the Sunday before classes resume.
import { frenchPublicHolidays } from "@/lib/catalogue/public-holidays";
import { addDays, isoWeekday, type CalendarDay } from "@/lib/dates/calendar-day";

export type SchoolHoliday = { from: CalendarDay; to: CalendarDay; reason: string };

export type SchoolYear = {
  /** "2026-2027" */
  label: string;
  startYear: number;
  /** The rentrée: first day of class. */
  start: CalendarDay;
  /** The last day of class, a Friday. */
  end: CalendarDay;
  holidays: SchoolHoliday[];
};

/** Bookings for a school year open on this day (month-day) of the summer before it. */
export const BOOKINGS_OPEN_ON = "06-01";

const day = (year: number, month: number, date: number): CalendarDay =>
  `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;

/** The Saturday in the week that starts on `from` (from, from+1, … from+6). */
function saturdayOnOrAfter(from: CalendarDay): CalendarDay {
  return addDays(from, (6 - isoWeekday(from) + 7) % 7);
}

function saturdayOnOrBefore(from: CalendarDay): CalendarDay {
  return addDays(from, -((isoWeekday(from) - 6 + 7) % 7));
}

/** Two weeks of holiday starting on a Saturday: to the second Sunday after. */
function twoWeeks(saturday: CalendarDay, reason: string): SchoolHoliday {
  return { from: saturday, to: addDays(saturday, 15), reason };
}

export function rentree(year: number): CalendarDay {
  const first = day(year, 9, 1);
  const weekday = isoWeekday(first);
  if (weekday === 3) return addDays(first, 1);
  if (weekday >= 5) return addDays(first, 8 - weekday);
  return first;
}

/** Zone C's place (0 first, 1 second, 2 last) among the three zones' winter and spring holidays of `year`. */
export function zoneCRank(year: number): number {
  return (((year - 2024) % 3) + 3) % 3;
}

export function schoolYear(startYear: number): SchoolYear {
  const next = startYear + 1;
  const toussaintResumes = addDays(day(startYear, 11, 1), 8 - isoWeekday(day(startYear, 11, 1))); // first Monday after 1 Nov
  const rank = zoneCRank(next);
  const winter = addDays(saturdayOnOrAfter(day(next, 2, 4)), 7 * rank);
  const spring = addDays(saturdayOnOrAfter(day(next, 4, 2)), 7 * rank);
  const ascension = frenchPublicHolidays(next).find((holiday) => holiday.name === "Ascension")!.day;
  const summer = saturdayOnOrAfter(day(next, 7, 2));
  const holidays = [
    twoWeeks(addDays(toussaintResumes, -16), "Vacances de la Toussaint"),
    twoWeeks(saturdayOnOrBefore(day(startYear, 12, 23)), "Vacances de Noël"),
    twoWeeks(winter, "Vacances d'hiver"),
    twoWeeks(spring, "Vacances de printemps"),
  ];
  const bridge = addDays(ascension, 1);
  if (!holidays.some((holiday) => holiday.from <= bridge && bridge <= holiday.to)) {
    holidays.push({ from: bridge, to: bridge, reason: "Pont de l'Ascension" });
  }
  return {
    label: `${startYear}-${next}`,
    startYear,
    start: rentree(startYear),
    end: addDays(summer, -1),
    holidays,
  };
}

/**
 * The school years a family can book on `today`: the current one until its last day of class,
 * and the next one from 1 June (so in July and August, only the year starting in September).
 */
export function bookableSchoolYears(today: CalendarDay): SchoolYear[] {
  const year = Number(today.slice(0, 4));
  return [schoolYear(year - 1), schoolYear(year)].filter(
    (candidate) => `${candidate.startYear}-${BOOKINGS_OPEN_ON}` <= today && today <= candidate.end,
  );
}
