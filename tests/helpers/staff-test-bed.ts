// The setup every staff back-office integration suite starts from.
import type { StaffViewer } from "@/lib/auth/session";

import { createCatalogue, createStaffViewer, createTown } from "./admin-fixtures";
import { withTestDatabase, type DatabaseKind, type TestSuite } from "./test-db";

export type Catalogue = Awaited<ReturnType<typeof createCatalogue>>;
export type StaffSuite = TestSuite & { agent: StaffViewer };

/**
 * What a back-office suite starts from (withTestDatabase): the town's settings and an agent;
 * with `{ catalogue: true }`, createCatalogue's school, canteen and club too.
 */
export function withStaffTestBed(kind: DatabaseKind, ready: (suite: StaffSuite) => unknown): void;
export function withStaffTestBed(
  kind: DatabaseKind,
  options: { catalogue: true; poolSize?: number },
  ready: (suite: StaffSuite & { catalogue: Catalogue }) => unknown,
): void;
export function withStaffTestBed(
  kind: DatabaseKind,
  ...args:
    | [(suite: StaffSuite) => unknown]
    | [{ catalogue: true; poolSize?: number }, (suite: StaffSuite & { catalogue: Catalogue }) => unknown]
): void {
  const [options, ready] = args.length === 1 ? [null, args[0]] : args;
  withTestDatabase(
    kind,
    async (suite) => {
      await createTown(suite.database.prisma);
      const agent = await createStaffViewer(suite.database.prisma, "AGENT");
      if (!options) return ready({ ...suite, agent });
      return ready({ ...suite, agent, catalogue: await createCatalogue(suite.database.prisma) });
    },
    { poolSize: options?.poolSize },
  );
}
