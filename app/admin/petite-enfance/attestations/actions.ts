"use server";

import { revalidatePath } from "next/cache";

import { staffAction } from "@/lib/auth/action";
import { generateCertificates } from "@/lib/early-childhood/certificates";
import { ZCertificateGenerationSchema } from "@/lib/early-childhood/certificates.schema";

// « Attestations de frais de garde »: agents and administrators generate a year's at once.

export const generateCertificatesAction = staffAction(ZCertificateGenerationSchema, async ({ year }, viewer, db) => {
  const result = await generateCertificates(db, viewer, year);
  revalidatePath("/admin/petite-enfance/attestations");
  return result;
});
