"use server";

import { revalidatePath } from "next/cache";

import { adminAction } from "@/lib/auth/action";
import { consentKindSlug } from "@/lib/consents/consent-kinds";
import { ZConsentTextSchema } from "@/lib/consents/consent-text.schema";
import { publishConsentText } from "@/lib/consents/consent-texts";

// The statements' texts are administrators' settings (issue #17 point 1): adminAction, an agent is refused.

/** « Publier la version n »: a new version; the family pages ask for it from their next visit. */
export const publishConsentTextAction = adminAction(ZConsentTextSchema, async (input, viewer, db) => {
  const created = await publishConsentText(db, viewer, input);
  revalidatePath("/admin/contenus/consentements");
  revalidatePath(`/admin/contenus/consentements/${consentKindSlug(input.kind)}`);
  revalidatePath("/espace", "layout");
  return created;
});
