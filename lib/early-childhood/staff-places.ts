import "server-only";

import { dateToDay, dayToDate, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db, Tx } from "@/lib/db/client";
import type { CrecheAgeGroup } from "@/lib/db/generated/enums";

import { AGE_GROUPS } from "./age-group";
import { groupAt, placesFree } from "./commission-ranking";

// Places free per crèche and age group at a date (SPEC §7): the capacity, minus the contracts in
// force that day whose child is in that group that day, minus the places offered and not answered
// yet (a request « Place proposée » for that crèche, its child counted in its group that day).

export type PlacesRow = {
  crecheId: string;
  crecheName: string;
  ageGroup: CrecheAgeGroup;
  capacity: number;
  taken: number;
  offered: number;
  free: number;
};

/** Locks crèche rows in id order (as lib/early-childhood/waiting-list.ts does): decisions on the same crèches run one after the other. */
export async function lockCreches(tx: Tx, crecheIds: string[]): Promise<void> {
  const ids = [...new Set(crecheIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Creche" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
}

/** The day a request's age group is read from: the child's birth, or the expected birth of an unborn child. */
export function birthDayOf(request: { child: { birthDate: Date } | null; expectedBirthDate: Date | null }): CalendarDay | null {
  if (request.child) return dateToDay(request.child.birthDate);
  return request.expectedBirthDate ? dateToDay(request.expectedBirthDate) : null;
}

export async function loadPlacesFree(db: Db, atDay: CalendarDay, crecheIds?: string[]): Promise<PlacesRow[]> {
  const at = dayToDate(atDay);
  const creches = await db.creche.findMany({
    where: crecheIds ? { id: { in: crecheIds } } : { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, capacities: { select: { ageGroup: true, places: true } } },
  });
  const ids = creches.map((creche) => creche.id);
  const [contracts, offers] = await Promise.all([
    db.childcareContract.findMany({
      where: { crecheId: { in: ids }, status: "ACTIVE", startDate: { lte: at }, endDate: { gte: at } },
      select: { crecheId: true, child: { select: { birthDate: true } } },
    }),
    db.earlyChildhoodRequest.findMany({
      where: { offeredCrecheId: { in: ids }, status: "PLACE_OFFERED" },
      select: { offeredCrecheId: true, expectedBirthDate: true, child: { select: { birthDate: true } } },
    }),
  ]);
  const count = (list: { crecheId: string; birthDay: CalendarDay | null }[], crecheId: string, group: CrecheAgeGroup) =>
    list.filter((entry) => entry.crecheId === crecheId && groupAt(entry.birthDay, atDay) === group).length;
  const takenList = contracts.map((contract) => ({ crecheId: contract.crecheId, birthDay: dateToDay(contract.child.birthDate) }));
  const offeredList = offers.map((offer) => ({ crecheId: offer.offeredCrecheId!, birthDay: birthDayOf(offer) }));
  return creches.flatMap((creche) =>
    AGE_GROUPS.map((ageGroup) => {
      const capacity = creche.capacities.find((entry) => entry.ageGroup === ageGroup)?.places ?? 0;
      const taken = count(takenList, creche.id, ageGroup);
      const offered = count(offeredList, creche.id, ageGroup);
      return {
        crecheId: creche.id,
        crecheName: creche.name,
        ageGroup,
        capacity,
        taken,
        offered,
        free: placesFree({ capacity, taken, offered }),
      };
    }),
  );
}
