"use server";

import { staffAction } from "@/lib/auth/action";
import { payfipConfigFromEnv } from "@/lib/payfip/config";
import { ZRecheckPayfipSchema } from "@/lib/payfip/payfip.schema";
import { recheckOperation } from "@/lib/payfip/recheck";

import { revalidatingAction } from "../revalidating-action";

/** « Paiements en ligne » and the invoices' pages show the operation's and the invoice's state. */
const payfipAction = revalidatingAction(staffAction, ["/admin/paiements-en-ligne", "/admin/factures"]);

/** « Revérifier »: PayFiP is asked again about the operation (settled if it has a result). */
export const recheckPayfipAction = payfipAction(ZRecheckPayfipSchema, (input, viewer, db) =>
  recheckOperation(db, payfipConfigFromEnv(), viewer, input.operationId),
);
