// Browser tests need Debian's Chromium and a production build (scripts/test.mjs runs
// `next build` first). Each test file then starts its own portal (tests/e2e/portal.ts).
import fs from "node:fs";
import path from "node:path";

import { requireAll, servicesEnv, testServices } from "../helpers/probe-services.mjs";

export default async function globalSetup() {
  // Each test file's portal runs on a fresh PostgreSQL database when a server answers (CI),
  // otherwise on PGlite — said aloud, and refused under PORTAIL_REQUIRE_ALL=1, where the checks
  // that need a database connection of their own (tests/e2e/portal-database.ts) could not run. The answers come from scripts/test.mjs when it started us.
  const services = await testServices();
  Object.assign(process.env, servicesEnv(services));
  const missing = [];
  if (!services.postgres.ok) missing.push(`PostgreSQL (${services.postgres.reason})`);
  if (!services.chromium.ok) missing.push(`Chromium (${services.chromium.reason})`);
  if (missing.length && requireAll()) throw new Error(`PORTAIL_REQUIRE_ALL=1 : ${missing.join(" et ")} exigé mais absent.`);
  if (!services.postgres.ok) {
    console.warn(
      `\n[e2e] PostgreSQL indisponible (${services.postgres.reason}) : les portails de test tournent sur PGlite ; leurs vérifications en base passent par le processus du portail, sauf celles qui exigent une connexion à part (PostgreSQL seulement).\n`,
    );
  }
  if (!services.chromium.ok) {
    console.warn(`\n[e2e] Tests navigateur ignorés : ${services.chromium.reason}\n`);
    return;
  }
  if (!fs.existsSync(path.resolve(import.meta.dirname, "../..", ".next/BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` first (scripts/test.mjs does).");
  }
}
