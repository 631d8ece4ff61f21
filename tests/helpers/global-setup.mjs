import { probePostgres } from "./probe-services.mjs";

// Runs once before the workers start; what it puts in process.env reaches every test file.
export default async function globalSetup() {
  const postgres = await probePostgres();
  process.env.PORTAIL_TEST_PG = postgres.ok ? "1" : "0";
  if (!postgres.ok) {
    process.env.PORTAIL_TEST_PG_SKIP_REASON = postgres.reason;
    console.warn(`\n[tests] Tests PostgreSQL ignorés : ${postgres.reason}. Les mêmes tests tournent sur PGlite.\n`);
  }
}
