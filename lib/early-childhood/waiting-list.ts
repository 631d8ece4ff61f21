import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

// The waiting list of each crèche (SPEC §7): a request on « Liste d'attente » has a position in
// the list of every crèche it chose (EarlyChildhoodChoice.waitingPosition, 1 = first). Positions
// stay continuous (1..n, no gap, no duplicate) whatever happens: every change locks the crèches'
// rows first (in id order, so two changes never deadlock), then moves positions in the same
// transaction as the decision that causes it.

type Tx = Prisma.TransactionClient;

async function lockCreches(tx: Tx, crecheIds: string[]): Promise<void> {
  const ids = [...new Set(crecheIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Creche" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
}

/** Puts a request at the end of the waiting list of each crèche it chose (no-op where it already is). */
export async function appendToWaitingLists(tx: Tx, requestId: string): Promise<void> {
  const choices = await tx.earlyChildhoodChoice.findMany({ where: { requestId }, select: { crecheId: true } });
  await lockCreches(
    tx,
    choices.map((choice) => choice.crecheId),
  );
  for (const { crecheId } of choices) {
    await tx.$executeRaw`
      UPDATE "EarlyChildhoodChoice" SET "waitingPosition" = (
        SELECT COALESCE(MAX("waitingPosition"), 0) + 1 FROM "EarlyChildhoodChoice" WHERE "crecheId" = ${crecheId}
      )
      WHERE "requestId" = ${requestId} AND "crecheId" = ${crecheId} AND "waitingPosition" IS NULL`;
  }
}

/** Takes a request off every waiting list; those behind it move up one place. */
export async function removeFromWaitingLists(tx: Tx, requestId: string): Promise<void> {
  const choices = await tx.earlyChildhoodChoice.findMany({
    where: { requestId, waitingPosition: { not: null } },
    select: { crecheId: true },
  });
  await lockCreches(
    tx,
    choices.map((choice) => choice.crecheId),
  );
  // Read again under the locks: another transaction may have moved it before we locked.
  const locked = await tx.earlyChildhoodChoice.findMany({
    where: { requestId, waitingPosition: { not: null } },
    select: { crecheId: true, waitingPosition: true },
  });
  for (const { crecheId, waitingPosition } of locked) {
    await tx.earlyChildhoodChoice.update({
      where: { requestId_crecheId: { requestId, crecheId } },
      data: { waitingPosition: null },
    });
    await tx.$executeRaw`
      UPDATE "EarlyChildhoodChoice" SET "waitingPosition" = "waitingPosition" - 1
      WHERE "crecheId" = ${crecheId} AND "waitingPosition" > ${waitingPosition}`;
  }
}

/**
 * Sets a crèche's waiting list to this order (request ids, first first): positions 1..n. The ids
 * must be exactly the requests now on that list; the caller decides the order (e.g. the ranking).
 */
export async function reorderWaitingList(tx: Tx, crecheId: string, orderedRequestIds: string[]): Promise<void> {
  await lockCreches(tx, [crecheId]);
  const current = await tx.earlyChildhoodChoice.findMany({
    where: { crecheId, waitingPosition: { not: null } },
    select: { requestId: true },
  });
  const expected = new Set(current.map((choice) => choice.requestId));
  if (expected.size !== orderedRequestIds.length || orderedRequestIds.some((id) => !expected.has(id))) {
    throw new Error("reorderWaitingList: the order must list exactly the requests on the waiting list");
  }
  for (const [index, requestId] of orderedRequestIds.entries()) {
    await tx.earlyChildhoodChoice.update({
      where: { requestId_crecheId: { requestId, crecheId } },
      data: { waitingPosition: index + 1 },
    });
  }
}
