import fs from "node:fs";
import pg from "pg";
import { pgAdminUrl } from "../helpers/probe-services.mjs";

export default async function globalTeardown() {
  const e2e = globalThis.__portailE2e;
  if (!e2e) return;
  const { child, state } = e2e;
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  if (state.database) {
    const admin = new pg.Client({ connectionString: pgAdminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${state.database} WITH (FORCE)`);
    await admin.end();
  }
  fs.rmSync(state.tmp, { recursive: true, force: true });
}
