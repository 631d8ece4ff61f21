import "server-only";

import { revalidatePath } from "next/cache";

import type { staffAction } from "@/lib/auth/action";

type StaffActionBuilder = typeof staffAction;

/**
 * An action builder (`staffAction` or `adminAction`) whose actions, once they have succeeded,
 * have the pages that show what they change rebuilt.
 */
export function revalidatingAction(build: StaffActionBuilder, paths: readonly string[]): StaffActionBuilder {
  return (schema, handler) =>
    build(schema, async (input, viewer, db) => {
      const result = await handler(input, viewer, db);
      for (const path of paths) revalidatePath(path);
      return result;
    });
}
