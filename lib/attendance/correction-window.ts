import { addDays, type CalendarDay } from "@/lib/dates/calendar-day";

// Who may mark or correct a day's attendance, and until when. Pure: the caller passes today.
// Agents mark on the day and may correct until the next day; later, only an administrator may
// (every mark and correction is in the journal). Nobody marks a day still to come.

export const FUTURE_DAY_MESSAGE = "Le pointage d'un jour à venir n'est pas possible.";
export const ADMIN_ONLY_CORRECTION_MESSAGE =
  "Le pointage de ce jour ne peut plus être corrigé que par un administrateur (les agents le peuvent jusqu'au lendemain).";

/** Why `role` may not mark attendance for `day` today, or null when it may. */
export function attendanceWindowProblem(role: "AGENT" | "ADMIN", day: CalendarDay, today: CalendarDay): string | null {
  if (day > today) return FUTURE_DAY_MESSAGE;
  if (role === "AGENT" && day < addDays(today, -1)) return ADMIN_ONLY_CORRECTION_MESSAGE;
  return null;
}

/** Whether the daily list offers the marking buttons to `role` for `day`. */
export const canMarkAttendance = (role: "AGENT" | "ADMIN", day: CalendarDay, today: CalendarDay) =>
  attendanceWindowProblem(role, day, today) === null;
