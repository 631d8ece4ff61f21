import "server-only";

import type { Db } from "./client";

/** For the load balancers' health check: resolves when the database answers a query. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
