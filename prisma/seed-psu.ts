// The demo's crèche billing settings (issue #15 points 5 and 7): the « Régie petite enfance »
// (code PE, payable online with PayFiP like the périscolaire régie — pe-staff's crèche seed links
// its « MULTI-ACCUEIL » to it by code), the 2026 PSU values, and the garderie activity
// (PERISCOLAIRE) marked eligible for the « Attestation de frais de garde ». Idempotent: rows are
// created when missing, never overwritten (a town's own edits stay).
//
// The values are the CNAF's barème as we read it for 2026 — plancher 801,00 €, plafond
// 7 000,00 € per month, taux d'effort horaire de l'accueil collectif 0,0619 % (1 enfant),
// 0,0516 % (2), 0,0413 % (3), 0,0310 % (4 à 7), 0,0206 % (8 et plus) — to check against the
// year's CNAF circular before real use (README « Petite enfance : facturation »).
import type { PrismaClient } from "@/lib/db/generated/client";

export const DEMO_PSU_2026 = {
  year: 2026,
  floorCents: 80_100,
  ceilingCents: 700_000,
  rateOneChild: 619,
  rateTwoChildren: 516,
  rateThreeChildren: 413,
  rateFourChildren: 310,
  rateEightChildren: 206,
} as const;

export const PE_REGIE = {
  code: "PE",
  name: "Régie petite enfance",
  payfipClientNumber: "012345",
  payableOnline: true,
  paymentDeadlineDays: 30,
  mentions:
    "Paiement en ligne sur le Portail Familles (PayFiP), par chèque à l'ordre du Trésor public, en espèces ou CESU au Guichet unique.",
} as const;

export async function seedPsu(prisma: PrismaClient): Promise<{ regieId: string }> {
  const regie = await prisma.regie.upsert({ where: { code: PE_REGIE.code }, update: {}, create: PE_REGIE, select: { id: true } });
  await prisma.psuYear.upsert({ where: { year: DEMO_PSU_2026.year }, update: {}, create: DEMO_PSU_2026 });
  // Garderie (périscolaire): childcare for the tax certificate; the canteen (meals) never is.
  await prisma.activity.updateMany({
    where: { code: "PERISCOLAIRE", childcareTaxEligible: false },
    data: { childcareTaxEligible: true },
  });
  return { regieId: regie.id };
}
