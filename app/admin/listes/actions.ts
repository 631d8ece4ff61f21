"use server";

import { revalidatePath } from "next/cache";

import { markAttendance } from "@/lib/attendance/attendance";
import { ZMarkAttendanceSchema } from "@/lib/attendance/attendance.schema";
import { staffAction } from "@/lib/auth/action";

// Pointage from the daily list: agents and admins; the correction window by role is the data layer's.
export const markAttendanceAction = staffAction(ZMarkAttendanceSchema, async (input, viewer, db) => {
  const result = await markAttendance(db, viewer, input);
  revalidatePath("/admin/listes");
  return result;
});
