import "server-only";

import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import type { PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

// Tariffs of a unit, one price per quotient familial bracket (SPEC §8: the invoice takes the
// unit's tariff for the family's bracket). All brackets are saved together, or none.

const CHANGED =
  "Les tranches de quotient familial ont changé depuis l'ouverture de la page : rechargez-la. Aucun tarif n'a été modifié.";

export async function saveTariffs(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { unitId: string; prices: { bracketId: string; priceCents: number }[] },
): Promise<{ periodId: string }> {
  return db.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, label: true, periodId: true } });
    if (!unit) throw new AppError("NOT_FOUND", "Unité introuvable.");
    // The brackets are read under a share lock, so that none is edited or removed meanwhile.
    const brackets = await tx.$queryRaw<
      { id: string; label: string }[]
    >`SELECT "id", "label" FROM "QfBracket" ORDER BY "minQf" FOR SHARE`;
    const known = new Set(brackets.map((bracket) => bracket.id));
    const sent = new Set(input.prices.map((price) => price.bracketId));
    if (
      input.prices.some((price) => !known.has(price.bracketId)) ||
      brackets.some((bracket) => !sent.has(bracket.id)) ||
      sent.size !== input.prices.length
    ) {
      throw new AppError("BRACKETS_CHANGED", CHANGED);
    }
    const before = await tx.tariff.findMany({ where: { unitId: unit.id }, select: { bracketId: true, priceCents: true } });
    for (const price of input.prices) {
      await tx.tariff.upsert({
        where: { unitId_bracketId: { unitId: unit.id, bracketId: price.bracketId } },
        update: { priceCents: price.priceCents },
        create: { unitId: unit.id, bracketId: price.bracketId, priceCents: price.priceCents },
      });
    }
    const labels = new Map(brackets.map((bracket) => [bracket.id, bracket.label]));
    const pricesByLabel = (list: { bracketId: string; priceCents: number }[]) =>
      Object.fromEntries(list.map((price) => [labels.get(price.bracketId) ?? price.bracketId, price.priceCents]));
    await writeAudit(tx, viewer, {
      action: "tariff.update",
      targetType: "Unit",
      targetId: unit.id,
      details: { label: unit.label, beforeCents: pricesByLabel(before), afterCents: pricesByLabel(input.prices) },
    });
    return { periodId: unit.periodId };
  });
}
