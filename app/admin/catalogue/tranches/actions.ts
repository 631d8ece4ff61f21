"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { ZQfBracketCreateSchema, ZQfBracketDeleteSchema, ZQfBracketUpdateSchema } from "@/lib/catalogue/qf-bracket.schema";
import { createQfBracket, deleteQfBracket, updateQfBracket } from "@/lib/catalogue/qf-brackets";

const PATH = "/admin/catalogue/tranches";

export const createQfBracketAction = staffAction(ZQfBracketCreateSchema, async (input, viewer, db) => {
  const bracket = await createQfBracket(db, viewer, input);
  revalidatePath(PATH);
  return bracket;
});

export const updateQfBracketAction = staffAction(ZQfBracketUpdateSchema, async (input, viewer, db) => {
  await updateQfBracket(db, viewer, input);
  revalidatePath(PATH);
  return { id: input.id };
});

export const deleteQfBracketAction = staffAction(ZQfBracketDeleteSchema, async (input, viewer, db) => {
  const result = await deleteQfBracket(db, viewer, input.id);
  revalidatePath(PATH);
  return result;
});
