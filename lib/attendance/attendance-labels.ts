// Pointage: the three marks as the daily list and the family page show them.
export type AttendanceStatusName = "PRESENT" | "ABSENT" | "ABSENT_EXCUSE";

export const ATTENDANCE_STATUSES: readonly AttendanceStatusName[] = ["PRESENT", "ABSENT", "ABSENT_EXCUSE"];

export const ATTENDANCE_LABELS: Record<AttendanceStatusName, string> = {
  PRESENT: "Présent",
  ABSENT: "Absent",
  ABSENT_EXCUSE: "Absent excusé",
};
