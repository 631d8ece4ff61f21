import { dateToDay } from "@/lib/dates/calendar-day";

import type { ContractTerms } from "./psu";
import { parseWeeklySchedule } from "./schedule";

/** A ChildcareContract row as the PSU rule reads it (dates as calendar days, the planning parsed). */
export function contractTerms(contract: {
  startDate: Date;
  endDate: Date;
  weeklyPlanning: unknown;
  absenceWeeksPerYear: number;
}): ContractTerms {
  return {
    startDate: dateToDay(contract.startDate),
    endDate: dateToDay(contract.endDate),
    planning: parseWeeklySchedule(contract.weeklyPlanning),
    absenceWeeksPerYear: contract.absenceWeeksPerYear,
  };
}
