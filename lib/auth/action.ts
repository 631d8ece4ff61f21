import "server-only";

import { unstable_rethrow } from "next/navigation";
import { z } from "zod";

import { getDb, type DbClient } from "@/lib/db/client";
import { isDatabaseUnavailable, isTransactionTimeout } from "@/lib/db/errors";
import { AppError, GENERIC_ERROR_MESSAGE, SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/errors";
import { formDataToObject, validationFailure } from "@/lib/validation/form-data";

import { requireAdmin, requireParent, requireStaff, type ParentViewer, type StaffViewer } from "./session";

// Every exported server action is built by one of the helpers below (STYLE.md "Actions and
// authorization"): it authorises first, then parses the input with the action's zod schema,
// then runs the handler; known errors become French messages (a database out of reach: « Service
// momentanément indisponible »), anything else is logged and reported generically. A server action is a public endpoint: nothing here trusts the page.
// The builder is the action's entry point, so it is the one that calls getDb(): the handler
// gets the database as its third argument and passes it down to lib/.

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

type Handler<TInput, TViewer, TResult> = (input: TInput, viewer: TViewer, db: DbClient) => Promise<TResult>;

function makeActionBuilder<TViewer>(authorize: () => Promise<TViewer>) {
  return function action<TSchema extends z.ZodType, TResult>(
    schema: TSchema,
    handler: Handler<z.output<TSchema>, TViewer, TResult>,
  ) {
    return async (input: z.input<TSchema> | FormData): Promise<ActionResult<TResult>> => {
      try {
        const viewer = await authorize();
        const parsed = schema.safeParse(formDataToObject(input));
        if (!parsed.success) return validationFailure(parsed.error);
        return { ok: true, data: await handler(parsed.data, viewer, getDb()) };
      } catch (error) {
        unstable_rethrow(error); // redirect() and notFound() are not errors
        if (error instanceof AppError) return { ok: false, error: error.message };
        if (isDatabaseUnavailable(error) || isTransactionTimeout(error)) {
          // One line, not the stack: during an outage (or an overload whose transactions could not
          // start or finish in time, Prisma P2028) every action says it.
          console.warn(
            "[action] database unavailable:",
            error instanceof Error ? error.message.trim().split("\n").at(-1) : error,
          );
          return { ok: false, error: SERVICE_UNAVAILABLE_MESSAGE };
        }
        console.error("[action] unexpected error", error);
        return { ok: false, error: GENERIC_ERROR_MESSAGE };
      }
    };
  };
}

export const publicAction = makeActionBuilder(async () => null);
export const parentAction = makeActionBuilder<ParentViewer>(requireParent);
export const staffAction = makeActionBuilder<StaffViewer>(requireStaff);
export const adminAction = makeActionBuilder<StaffViewer>(requireAdmin);
