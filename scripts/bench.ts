// `npm run bench`: runs every tests/bench/*.bench.ts in turn, on PostgreSQL (a fresh
// portail_bench_* database per benchmark, dropped afterwards). Each benchmark reports its
// figures as ratios against a baseline measured in the same run (DEVELOPERS.md: performance is
// measured, never asserted in timed unit tests).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type BenchContext = {
  /** PostgreSQL admin URL used to create the benchmark's own database. */
  pgAdminUrl: string;
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
  const context: BenchContext = {
    pgAdminUrl: process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
    log: (line) => console.log(line),
  };
  for (const file of files) {
    const benchmark = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default: Benchmark }).default;
    console.log(`\n== ${benchmark.name} (${file})`);
    await benchmark.run(context);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
