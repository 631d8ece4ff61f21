// The crèches' waiting lists (issue #15: « the waiting-list positions stay continuous after a
// decision »), on both databases: appending, removing from the middle, reordering, and on
// PostgreSQL many removals and appends at once on separate connections — positions stay 1..n.
import type { PrismaClient } from "@/lib/db/generated/client";
import { appendToWaitingLists, removeFromWaitingLists, reorderWaitingList } from "@/lib/early-childhood/waiting-list";

import { createFamily } from "../helpers/admin-fixtures";
import { itOnPostgres, testDatabaseKinds, withTestDatabase, type TestDatabase } from "../helpers/test-db";

const SCHEDULE = [{ weekday: 1, from: "08:30", to: "17:30" }];

async function positions(prisma: PrismaClient, crecheId: string) {
  const rows = await prisma.earlyChildhoodChoice.findMany({
    where: { crecheId, waitingPosition: { not: null } },
    orderBy: { waitingPosition: "asc" },
    select: { requestId: true, waitingPosition: true },
  });
  return rows;
}

function expectContinuous(rows: { waitingPosition: number | null }[]) {
  expect(rows.map((row) => row.waitingPosition)).toEqual(rows.map((_, index) => index + 1));
}

describe.each(testDatabaseKinds())("waiting lists (%s)", (kind) => {
  let database: TestDatabase;
  let crecheA: string;
  let crecheB: string;
  let familyId: string;

  withTestDatabase(kind, async (suite) => {
    database = suite.database;
    const prisma = database.prisma;
    crecheA = (await prisma.creche.create({ data: { code: "A", name: "MULTI-ACCUEIL A" } })).id;
    crecheB = (await prisma.creche.create({ data: { code: "B", name: "MULTI-ACCUEIL B" } })).id;
    familyId = (await createFamily(prisma, "ATTENTE")).id;
  });

  async function request(crecheIds: string[]) {
    return (
      await database.prisma.earlyChildhoodRequest.create({
        data: {
          familyId,
          expectedBirthDate: new Date("2027-03-01"),
          wishedStartDate: new Date("2027-09-01"),
          wishedSchedule: SCHEDULE,
          status: "WAITING_LIST",
          submittedAt: new Date(),
          choices: { create: crecheIds.map((crecheId, index) => ({ crecheId, rank: index + 1 })) },
        },
        select: { id: true },
      })
    ).id;
  }

  it("appends at the end of each chosen crèche, once, and closes the gap when one leaves", async () => {
    const prisma = database.prisma;
    const first = await request([crecheA, crecheB]);
    const second = await request([crecheA]);
    const third = await request([crecheB, crecheA]);
    for (const id of [first, second, third, first]) await prisma.$transaction((tx) => appendToWaitingLists(tx, id));
    expect(await positions(prisma, crecheA)).toEqual([
      { requestId: first, waitingPosition: 1 },
      { requestId: second, waitingPosition: 2 },
      { requestId: third, waitingPosition: 3 },
    ]);
    expect((await positions(prisma, crecheB)).map((row) => row.requestId)).toEqual([first, third]);

    await prisma.$transaction((tx) => removeFromWaitingLists(tx, first));
    expect(await positions(prisma, crecheA)).toEqual([
      { requestId: second, waitingPosition: 1 },
      { requestId: third, waitingPosition: 2 },
    ]);
    expect(await positions(prisma, crecheB)).toEqual([{ requestId: third, waitingPosition: 1 }]);

    await prisma.$transaction((tx) => reorderWaitingList(tx, crecheA, [third, second]));
    expect((await positions(prisma, crecheA)).map((row) => row.requestId)).toEqual([third, second]);
    await expect(prisma.$transaction((tx) => reorderWaitingList(tx, crecheA, [third]))).rejects.toThrow(
      "must list exactly the requests",
    );
    await prisma.$transaction((tx) => Promise.all([second, third].map((id) => removeFromWaitingLists(tx, id))));
    expect(await positions(prisma, crecheA)).toEqual([]);
  });

  itOnPostgres(kind)("keeps positions 1..n when many join and leave at once on separate connections", async () => {
    const prisma = database.prisma;
    const ids: string[] = [];
    for (let index = 0; index < 12; index += 1) ids.push(await request(index % 2 ? [crecheA, crecheB] : [crecheB, crecheA]));
    await Promise.all(ids.map((id) => prisma.$transaction((tx) => appendToWaitingLists(tx, id))));
    expectContinuous(await positions(prisma, crecheA));
    expectContinuous(await positions(prisma, crecheB));
    expect(await positions(prisma, crecheA)).toHaveLength(12);

    const leaving = ids.filter((_, index) => index % 3 !== 0);
    const joining = [await request([crecheA]), await request([crecheB])];
    await Promise.all([
      ...leaving.map((id) => prisma.$transaction((tx) => removeFromWaitingLists(tx, id))),
      ...joining.map((id) => prisma.$transaction((tx) => appendToWaitingLists(tx, id))),
    ]);
    const listA = await positions(prisma, crecheA);
    const listB = await positions(prisma, crecheB);
    expectContinuous(listA);
    expectContinuous(listB);
    expect(listA).toHaveLength(12 - leaving.length + 1);
    expect(listB).toHaveLength(12 - leaving.length + 1);
  });
});
