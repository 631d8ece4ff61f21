import "server-only";

import type { Db } from "@/lib/db/client";

import type { EstimatePricing } from "./estimate";
import { bracketForQuotient } from "./quotient-bracket";

/**
 * The prices of a period's units at the family's current QF bracket (no QF, or a QF no bracket
 * holds: the highest, as the invoicing run bills it), for the
 * booking recap's estimate. Null when the family does not exist (the planning page has already
 * answered 404 for anything not the family's).
 */
export async function loadEstimatePricing(
  db: Db,
  viewer: { familyId: string },
  periodId: string,
): Promise<EstimatePricing | null> {
  const [family, brackets, units] = await Promise.all([
    db.family.findUnique({ where: { id: viewer.familyId }, select: { quotientFamilial: true } }),
    db.qfBracket.findMany({ orderBy: { minQf: "asc" }, select: { id: true, label: true, minQf: true, maxQf: true } }),
    db.unit.findMany({ where: { periodId }, select: { id: true, tariffs: { select: { bracketId: true, priceCents: true } } } }),
  ]);
  if (!family) return null;
  const choice = bracketForQuotient(brackets, family.quotientFamilial);
  const bracket = choice?.bracket ?? null;
  const unitPrices: Record<string, number | null> = {};
  for (const unit of units) {
    unitPrices[unit.id] = bracket ? (unit.tariffs.find((tariff) => tariff.bracketId === bracket.id)?.priceCents ?? null) : null;
  }
  return {
    quotientFamilial: family.quotientFamilial,
    bracketLabel: bracket?.label ?? null,
    qfOutsideBrackets: choice?.anomaly === "NO_BRACKET",
    unitPrices,
  };
}
