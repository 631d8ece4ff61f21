// The daily purge (lib/jobs/daily-purge.ts): deletes what has outlived its use, keeps the rest.
import { describeDailyPurge, runDailyPurge } from "@/lib/jobs/daily-purge";

import { testDatabaseKinds, withTestDatabase, type TestDatabase } from "../helpers/test-db";

const NOW = new Date("2026-11-26T10:00:00Z");
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(testDatabaseKinds())("the daily purge on %s", (kind) => {
  let database: TestDatabase;
  withTestDatabase(kind, async (suite) => {
    database = suite.database;
    const prisma = database.prisma;
    const user = await prisma.user.create({ data: { email: "purge@example.test", role: "PARENT" }, select: { id: true } });
    const userId = user.id;

    await prisma.auditLog.createMany({
      data: [
        { action: "old", at: new Date("2025-11-20T10:00:00Z") },
        { action: "recent", at: new Date("2025-12-01T10:00:00Z") },
      ],
    });
    await prisma.userSession.createMany({
      data: [
        { id: "00000000-0000-4000-8000-000000000001", userId, expiresAt: ago(2 * DAY) }, // ended two days ago: goes
        { id: "00000000-0000-4000-8000-000000000002", userId, expiresAt: later(DAY), revokedAt: ago(3 * DAY) }, // revoked: goes
        { id: "00000000-0000-4000-8000-000000000003", userId, expiresAt: ago(HOUR) }, // ended an hour ago: kept a day
        { id: "00000000-0000-4000-8000-000000000004", userId, expiresAt: later(DAY) }, // current: kept
      ],
    });
    await prisma.loginChallenge.createMany({
      data: [
        { tokenHash: "challenge-old", userId, expiresAt: ago(2 * DAY) },
        { tokenHash: "challenge-live", userId, expiresAt: later(HOUR) },
      ],
    });
    await prisma.authToken.createMany({
      data: [
        { userId, purpose: "ACTIVATION", tokenHash: "expired-long-ago", expiresAt: ago(2 * DAY) },
        { userId, purpose: "PASSWORD_RESET", tokenHash: "used-long-ago", expiresAt: later(DAY), usedAt: ago(2 * DAY) },
        { userId, purpose: "PASSWORD_RESET", tokenHash: "used-just-now", expiresAt: later(DAY), usedAt: ago(HOUR) },
        { userId, purpose: "ACTIVATION", tokenHash: "expired-just-now", expiresAt: ago(HOUR) },
        { userId, purpose: "ACTIVATION", tokenHash: "valid", expiresAt: later(DAY) },
      ],
    });
    await prisma.rateLimiterFlexible.createMany({
      data: [
        { key: "login:expired", points: 3, expire: ago(1000) },
        { key: "login:current", points: 2, expire: later(10 * 60 * 1000) },
        { key: "login:blocked-for-good", points: 99, expire: null },
      ],
    });
    await prisma.jobRun.createMany({
      data: [
        { job: "mail-sweep", startedAt: ago(31 * DAY) },
        { job: "mail-sweep", startedAt: ago(29 * DAY) },
      ],
    });
  });

  it("deletes the audit entries of more than 12 months, ended sessions and challenges, spent links, expired throttle rows, old job runs — and keeps the rest", async () => {
    const report = await runDailyPurge(database.prisma, NOW);
    expect(report).toEqual({ auditEntries: 1, sessions: 3, authTokens: 2, throttleRows: 1, jobRuns: 1 });
    const prisma = database.prisma;
    expect((await prisma.auditLog.findMany({ select: { action: true } })).map((row) => row.action)).toEqual(["recent"]);
    expect(
      (await prisma.userSession.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id.slice(-1)),
    ).toEqual(["3", "4"]);
    expect((await prisma.loginChallenge.findMany({ select: { tokenHash: true } })).map((row) => row.tokenHash)).toEqual([
      "challenge-live",
    ]);
    expect(
      (await prisma.authToken.findMany({ select: { tokenHash: true }, orderBy: { tokenHash: "asc" } })).map(
        (row) => row.tokenHash,
      ),
    ).toEqual(["expired-just-now", "used-just-now", "valid"]);
    expect(
      (await prisma.rateLimiterFlexible.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((row) => row.key),
    ).toEqual(["login:blocked-for-good", "login:current"]);
    expect(await prisma.jobRun.count()).toBe(1);
    expect(describeDailyPurge(report)).toBe(
      "Supprimé : 1 entrée(s) du journal de plus de 12 mois, 3 session(s) ou vérification(s) terminée(s), " +
        "2 lien(s) expiré(s) ou utilisé(s), 1 compteur(s) de tentatives expiré(s), 1 trace(s) de tâche de plus de 30 jours.",
    );
    // Run again: nothing more to delete.
    expect(await runDailyPurge(prisma, NOW)).toEqual({
      auditEntries: 0,
      sessions: 0,
      authTokens: 0,
      throttleRows: 0,
      jobRuns: 0,
    });
  });
});
