// A fresh PostgreSQL database of its own (<prefix>_<random>) on the tests' server, dropped with
// its connections afterwards: for the integration tests, the browser tests' portals, the
// benchmarks and the scan. No Jest here, so that scripts can use it too.
import crypto from "node:crypto";

import pg from "pg";

import { pgAdminUrl } from "./probe-services.mjs";

export async function createPostgresDatabase(
  options: { prefix?: string; adminUrl?: string } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = options.adminUrl ?? pgAdminUrl();
  const name = `${options.prefix ?? "portail_test"}_${crypto.randomBytes(6).toString("hex")}`;
  const run = async (sql: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
