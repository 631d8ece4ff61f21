// The child's age as the guide's dashboard shows it: "TEST JULIE (7 ans et 1 mois)".
import type { CalendarDay } from "@/lib/dates/calendar-day";

export function ageInMonths(birth: CalendarDay, today: CalendarDay): number {
  const [by, bm, bd] = birth.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  let months = (ty - by) * 12 + (tm - bm);
  // A birthday on a day the current month lacks (29 February, 31st) is reached on that
  // month's last day.
  const lastDayOfThisMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (td < Math.min(bd, lastDayOfThisMonth)) months -= 1;
  return months;
}

export function ageText(birth: CalendarDay, today: CalendarDay): string {
  const months = ageInMonths(birth, today);
  if (months < 0) return "pas encore né";
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const yearsText = years === 1 ? "1 an" : `${years} ans`;
  const monthsText = `${rest} mois`;
  if (years === 0) return monthsText;
  if (rest === 0) return yearsText;
  return `${yearsText} et ${monthsText}`;
}
