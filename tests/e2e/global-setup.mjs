// Browser tests need Debian's Chromium and a production build (scripts/test.mjs runs
// `next build` first). Each test file then starts its own portal (tests/e2e/portal.ts).
import fs from "node:fs";
import path from "node:path";
import { probeChromium, probePostgres } from "../helpers/probe-services.mjs";

export default async function globalSetup() {
  // Each test file's portal runs on a fresh PostgreSQL database when a server answers (CI),
  // otherwise on PGlite.
  const postgres = await probePostgres();
  process.env.PORTAIL_TEST_PG = postgres.ok ? "1" : "0";
  if (!postgres.ok) {
    process.env.PORTAIL_TEST_PG_SKIP_REASON = postgres.reason;
    console.warn(`\n[e2e] PostgreSQL indisponible (${postgres.reason}) : les portails de test tournent sur PGlite.\n`);
  }
  const chromium = probeChromium();
  if (!chromium.ok) {
    process.env.PORTAIL_E2E_SKIP_REASON = chromium.reason;
    console.warn(`\n[e2e] Tests navigateur ignorés : ${chromium.reason}\n`);
    return;
  }
  if (!fs.existsSync(path.resolve(import.meta.dirname, "../..", ".next/BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` first (scripts/test.mjs does).");
  }
}
