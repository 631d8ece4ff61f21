"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { ZSchoolIdSchema, ZSchoolSchema, ZSchoolUpdateSchema } from "@/lib/schools/school.schema";
import { createSchool, deleteSchool, updateSchool } from "@/lib/schools/schools";

// Schools are part of the catalogue, set by agents and admins (staffAction) like establishments.

/** A school shows in its list, the establishments' and periods' forms and the child sheets. */
function revalidateSchools() {
  revalidatePath("/admin", "layout");
  revalidatePath("/espace", "layout");
}

export const createSchoolAction = staffAction(ZSchoolSchema, async (input, viewer, db) => {
  const { id } = await createSchool(db, viewer, input);
  revalidateSchools();
  return { id };
});

export const updateSchoolAction = staffAction(ZSchoolUpdateSchema, async ({ id, ...input }, viewer, db) => {
  await updateSchool(db, viewer, id, input);
  revalidateSchools();
  return { id };
});

export const deleteSchoolAction = staffAction(ZSchoolIdSchema, async ({ id }, viewer, db) => {
  await deleteSchool(db, viewer, id);
  revalidateSchools();
  return { id };
});
