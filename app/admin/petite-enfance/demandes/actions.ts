"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { offerPlace, putOnWaitingList, putUnderReview, refuseRequest } from "@/lib/early-childhood/staff-decisions";
import { ZOfferPlaceSchema, ZRefuseRequestSchema, ZRequestTargetSchema } from "@/lib/early-childhood/staff-decisions.schema";

// A request's one-off decisions: agents and administrators (staffAction).

function revalidateRequests() {
  revalidatePath("/admin/petite-enfance", "layout");
}

export const underReviewAction = staffAction(ZRequestTargetSchema, async (input, viewer, db) => {
  const result = await putUnderReview(db, viewer, input);
  revalidateRequests();
  return result;
});

export const waitingListAction = staffAction(ZRequestTargetSchema, async (input, viewer, db) => {
  const result = await putOnWaitingList(db, viewer, input);
  revalidateRequests();
  return result;
});

export const offerPlaceAction = staffAction(ZOfferPlaceSchema, async (input, viewer, db) => {
  const result = await offerPlace(db, viewer, input);
  revalidateRequests();
  return result;
});

export const refuseRequestAction = staffAction(ZRefuseRequestSchema, async (input, viewer, db) => {
  const result = await refuseRequest(db, viewer, input);
  revalidateRequests();
  return result;
});
