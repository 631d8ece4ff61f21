import { formatAmount } from "./invoice-state";

// The cost shown before « Confirmer la réservation » (issue #14 point 8): the days ticked × the
// unit's tariff for the family's quotient-familial bracket today. An estimate only: the invoice
// prices each day at the bracket valid on that day. Pure, so the booking recap (a client
// component) computes it as the parent ticks, and it is unit-tested.

/** What the recap needs to price a period's days: the basis (QF, bracket) and each unit's price in it. */
export type EstimatePricing = {
  /** The family's QF; null: none recorded (priced at the highest bracket). */
  quotientFamilial: number | null;
  /**
   * The bracket used, chosen by bracketForQuotient (quotient-bracket.ts) as the invoice will: no QF,
   * or a QF no bracket holds, → the highest bracket. Null only when the town has no bracket.
   */
  bracketLabel: string | null;
  /** The QF falls in none of the brackets (a gap): priced at the highest one, as the invoice does. */
  qfOutsideBrackets: boolean;
  /** Unit id → price in cents in that bracket, null when the town has not set it. */
  unitPrices: Record<string, number | null>;
};

export type EstimateLine = {
  unitId: string;
  unitLabel: string;
  days: number;
  unitPriceCents: number | null;
  amountCents: number | null;
  /** « 4 journées × 3,50 € = 14,00 € », or « 2 journées – tarif non renseigné ». */
  text: string;
};

export type CostEstimate = {
  lines: EstimateLine[];
  totalCents: number;
  /** Some days have no tariff: the total leaves them out. */
  incomplete: boolean;
  /** The sentence under the total: on what the estimate rests. */
  basis: string;
};

const daysLabel = (count: number) => `${count} journée${count > 1 ? "s" : ""}`;

/** « Estimation au quotient familial actuel (QF 650, tranche « QF de 400 à 699 ») ; le montant exact figure sur la facture. » */
export function estimateBasis(pricing: Pick<EstimatePricing, "quotientFamilial" | "bracketLabel" | "qfOutsideBrackets">): string {
  const exact = "le montant exact figure sur la facture.";
  if (pricing.quotientFamilial === null) {
    return pricing.bracketLabel
      ? `Aucun quotient familial n'est enregistré pour votre famille : estimation au tarif de la tranche la plus haute (« ${pricing.bracketLabel} ») ; ${exact}`
      : `Aucun quotient familial n'est enregistré pour votre famille et aucune tranche n'est définie ; ${exact}`;
  }
  if (!pricing.bracketLabel) {
    return `Aucune tranche de quotient familial n'est définie : contactez le Guichet unique ; ${exact}`;
  }
  if (pricing.qfOutsideBrackets) {
    return `Votre quotient familial (QF ${pricing.quotientFamilial}) ne correspond à aucune tranche tarifaire : estimation au tarif de la tranche la plus haute (« ${pricing.bracketLabel} »), contactez le Guichet unique ; ${exact}`;
  }
  return `Estimation au quotient familial actuel (QF ${pricing.quotientFamilial}, tranche « ${pricing.bracketLabel} ») ; ${exact}`;
}

/**
 * The estimate of the ticked days (`days`, one entry per unit and day), one line per unit in the
 * order of `units` (the planning's columns). Units with no day ticked are left out.
 */
export function estimateCost(
  pricing: EstimatePricing,
  units: readonly { id: string; label: string }[],
  days: readonly { unitId: string }[],
): CostEstimate {
  const counts = new Map<string, number>();
  for (const day of days) counts.set(day.unitId, (counts.get(day.unitId) ?? 0) + 1);
  const lines: EstimateLine[] = [];
  for (const unit of units) {
    const count = counts.get(unit.id) ?? 0;
    if (count === 0) continue;
    const price = pricing.bracketLabel === null ? null : (pricing.unitPrices[unit.id] ?? null);
    const amount = price === null ? null : price * count;
    lines.push({
      unitId: unit.id,
      unitLabel: unit.label,
      days: count,
      unitPriceCents: price,
      amountCents: amount,
      text:
        price === null || amount === null
          ? `${daysLabel(count)} – tarif non renseigné`
          : `${daysLabel(count)} × ${formatAmount(price)} = ${formatAmount(amount)}`,
    });
  }
  return {
    lines,
    totalCents: lines.reduce((sum, line) => sum + (line.amountCents ?? 0), 0),
    incomplete: lines.some((line) => line.amountCents === null),
    basis: estimateBasis(pricing),
  };
}
