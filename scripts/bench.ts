// `npm run bench`: runs every tests/bench/*.bench.ts in turn, on PostgreSQL (a fresh
// portail_bench_* database per benchmark, dropped afterwards). Each benchmark reports its
// figures as ratios against a baseline measured in the same run (DEVELOPERS.md: performance is
// measured, never asserted in timed unit tests).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import pg from "pg";

export type BenchContext = {
  /** PostgreSQL admin URL used to create the benchmark's own database. */
  pgAdminUrl: string;
  /**
   * Connections a benchmark may open in all (every pool of it together): what the server
   * accepts, less its reserved slots, the connections already open (the machine is shared), and
   * a margin. A pool that could not connect would fail the benchmark, not flatter a side.
   */
  connectionBudget: number;
  log(line: string): void;
};

export type Benchmark = { name: string; run(context: BenchContext): Promise<void> };

async function main() {
  const dir = path.resolve(__dirname, "../tests/bench");
  const only = process.argv[2];
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".bench.ts") && (!only || file.includes(only)))
    .sort();
  if (files.length === 0) {
    console.log("Aucun benchmark trouvé dans tests/bench.");
    return;
  }
  const pgAdminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const limits = await serverLimits(pgAdminUrl);
  const margin = Math.max(10, Math.ceil(limits.maxConnections / 5));
  const connectionBudget = limits.maxConnections - limits.reserved - limits.open - margin;
  console.log(
    `PostgreSQL : max_connections = ${limits.maxConnections} (dont ${limits.reserved} réservées), ${limits.open} connexion(s) déjà ouverte(s), ` +
      `marge ${margin} : ${connectionBudget} connexions au plus pour un benchmark. Charge de la machine : ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(" ")} (${os.cpus().length} cœurs).`,
  );
  if (connectionBudget < 4) throw new Error("Pas assez de connexions PostgreSQL libres pour mesurer quoi que ce soit.");
  const context: BenchContext = { pgAdminUrl, connectionBudget, log: (line) => console.log(line) };
  for (const file of files) {
    const benchmark = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default: Benchmark }).default;
    console.log(`\n== ${benchmark.name} (${file})`);
    await benchmark.run(context);
  }
}

async function serverLimits(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const setting = async (name: string) =>
      Number((await client.query(`SELECT current_setting($1) AS value`, [name])).rows[0].value);
    const open = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_stat_activity WHERE backend_type = 'client backend'`,
    );
    return {
      maxConnections: await setting("max_connections"),
      reserved: await setting("superuser_reserved_connections"),
      open: open.rows[0].count,
    };
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
