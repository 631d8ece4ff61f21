import { z } from "zod";

export const ZMarkAttendanceSchema = z.object({
  reservationDayId: z.uuid({ error: "Journée introuvable." }),
  status: z.enum(["PRESENT", "ABSENT", "ABSENT_EXCUSE"], { error: "Choisissez présent, absent ou absent excusé." }),
});
export type TMarkAttendance = z.output<typeof ZMarkAttendanceSchema>;

export const ZBillExcusedAbsenceSchema = z.object({
  billExcusedAbsence: z.enum(["true", "false"], { error: "Choisissez oui ou non." }).transform((value) => value === "true"),
});
export type TBillExcusedAbsence = z.output<typeof ZBillExcusedAbsenceSchema>;
