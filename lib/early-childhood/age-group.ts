import { type CalendarDay } from "@/lib/dates/calendar-day";
import type { CrecheAgeGroup } from "@/lib/db/generated/enums";

// Age groups of a crèche (SPEC §7), at a date: « bébés » under 18 months, « moyens » from 18 to
// 30 months, « grands » from 30 months. One rule for the places of a crèche, the requests queue's
// filter and the commission. A child not born yet at that date counts as a « bébé ».

export const AGE_GROUP_LABELS: Record<CrecheAgeGroup, string> = {
  BEBES: "Bébés (moins de 18 mois)",
  MOYENS: "Moyens (18 à 30 mois)",
  GRANDS: "Grands (30 mois et plus)",
};

export const AGE_GROUPS: CrecheAgeGroup[] = ["BEBES", "MOYENS", "GRANDS"];

/** Whole months from birth to a date (both "YYYY-MM-DD"); negative before birth. */
export function ageInMonths(birthDay: CalendarDay, atDay: CalendarDay): number {
  const [by, bm, bd] = birthDay.split("-").map(Number);
  const [ay, am, ad] = atDay.split("-").map(Number);
  let months = (ay - by) * 12 + (am - bm);
  if (ad < bd) months -= 1;
  return months;
}

export function ageGroupAt(birthDay: CalendarDay, atDay: CalendarDay): CrecheAgeGroup {
  const months = ageInMonths(birthDay, atDay);
  if (months < 18) return "BEBES";
  if (months < 30) return "MOYENS";
  return "GRANDS";
}
