// A child's birth date must be plausible for the portal's services (crèche to jeunesse): not in
// the future, and not more than MAX_CHILD_AGE_YEARS ago. Pure: "today" is passed in.
import type { CalendarDay } from "@/lib/dates/calendar-day";

export const MAX_CHILD_AGE_YEARS = 20;

export const BIRTH_DATE_IN_FUTURE = "La date de naissance ne peut pas être dans le futur.";
export const BIRTH_DATE_TOO_OLD = `Date de naissance invalide : les services du portail concernent les enfants de moins de ${MAX_CHILD_AGE_YEARS} ans.`;

/** The French reason why `day` is not a plausible child's birth date, or null. */
export function childBirthDateProblem(day: CalendarDay, today: CalendarDay): string | null {
  if (day > today) return BIRTH_DATE_IN_FUTURE;
  const [year, month, date] = today.split("-");
  const oldest = `${String(Number(year) - MAX_CHILD_AGE_YEARS).padStart(4, "0")}-${month}-${date}`;
  if (day <= oldest) return BIRTH_DATE_TOO_OLD; // 20 years old on that day: no longer "moins de 20 ans"
  return null;
}
