"use server";

import { revalidatePath } from "next/cache";

import { parentAction } from "@/lib/auth/action";
import * as clock from "@/lib/clock";
import { acceptOffer, declineOffer } from "@/lib/early-childhood/accept-offer";
import { ZAttachChildSchema, ZFamilyRequestSchema, ZRequestStepSchema } from "@/lib/early-childhood/family-request.schema";
import {
  attachBornChild,
  cancelFamilyRequest,
  confirmFamilyRequest,
  saveFamilyRequest,
} from "@/lib/early-childhood/family-requests";

// The family's crèche requests (SPEC §7): one action per intent, each checked against the
// request's state and version in lib/early-childhood.

function revalidateRequests(id?: string) {
  revalidatePath("/espace");
  revalidatePath("/espace/petite-enfance");
  if (id) revalidatePath(`/espace/petite-enfance/${id}`);
}

/** « Enregistrer le brouillon » / « Envoyer la demande » from the form. */
export const saveRequestAction = parentAction(ZFamilyRequestSchema, async (input, viewer, db) => {
  const saved = await saveFamilyRequest(db, viewer, input, clock.now());
  revalidateRequests(saved.id);
  return saved;
});

export const cancelRequestAction = parentAction(ZRequestStepSchema, async (input, viewer, db) => {
  await cancelFamilyRequest(db, viewer, input, clock.now());
  revalidateRequests(input.id);
  return { id: input.id };
});

export const confirmRequestAction = parentAction(ZRequestStepSchema, async (input, viewer, db) => {
  await confirmFamilyRequest(db, viewer, input, clock.now());
  revalidateRequests(input.id);
  return { id: input.id };
});

export const acceptOfferAction = parentAction(ZRequestStepSchema, async (input, viewer, db) => {
  const { contractId } = await acceptOffer(db, viewer, input, clock.now());
  revalidateRequests(input.id);
  return { id: input.id, contractId };
});

export const declineOfferAction = parentAction(ZRequestStepSchema, async (input, viewer, db) => {
  await declineOffer(db, viewer, input, clock.now());
  revalidateRequests(input.id);
  return { id: input.id };
});

export const attachChildAction = parentAction(ZAttachChildSchema, async (input, viewer, db) => {
  await attachBornChild(db, viewer, input);
  revalidateRequests(input.id);
  return { id: input.id };
});
