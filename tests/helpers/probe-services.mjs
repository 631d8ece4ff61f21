// Which real services this machine offers the tests. Each answer carries the reason a suite is
// skipped when the service is missing, so a skip is always printed with its cause.
//
// scripts/test.mjs probes once and hands its answers down to every Jest run in the environment
// (servicesEnv); the global setups read them back (testServices) and probe only when Jest was
// started by hand. Under PORTAIL_REQUIRE_ALL=1 (CI) a missing service is an error, never a
// quiet fallback.
import fs from "node:fs";

import pg from "pg";

export const DEFAULT_PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test";
/** A loaded machine (two test runs at once) can take seconds to accept a connection. */
const PG_PROBE_TIMEOUT_MS = 10_000;

export function pgAdminUrl() {
  return process.env.TEST_PG_ADMIN_URL ?? DEFAULT_PG_ADMIN_URL;
}

export function requireAll(env = process.env) {
  return env.PORTAIL_REQUIRE_ALL === "1";
}

/** Connects and runs a query, so that a server refusing the tests' role is "absent" too. */
export async function probePostgres() {
  if (process.env.PORTAIL_TEST_NO_PG === "1") return { ok: false, reason: "PORTAIL_TEST_NO_PG=1" };
  const url = new URL(pgAdminUrl());
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: PG_PROBE_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true };
  } catch (error) {
    const cause = error.code ?? error.message;
    return { ok: false, reason: `aucun serveur PostgreSQL utilisable sur ${url.host} (${cause})` };
  } finally {
    await client.end().catch(() => {});
  }
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function probeChromium() {
  if (process.env.PORTAIL_TEST_NO_BROWSER === "1") return { ok: false, reason: "PORTAIL_TEST_NO_BROWSER=1" };
  return fs.existsSync(CHROMIUM_PATH)
    ? { ok: true }
    : { ok: false, reason: `Chromium introuvable (${CHROMIUM_PATH}) : apt-get install -y chromium` };
}

/** The probe results as environment variables, for the Jest runs (read back by testServices). */
export function servicesEnv({ postgres, chromium }) {
  return {
    PORTAIL_TEST_PG: postgres.ok ? "1" : "0",
    PORTAIL_TEST_PG_SKIP_REASON: postgres.ok ? "" : postgres.reason,
    PORTAIL_TEST_CHROMIUM: chromium.ok ? "1" : "0",
    PORTAIL_E2E_SKIP_REASON: chromium.ok ? "" : chromium.reason,
  };
}

function fromEnv(flag, reason) {
  if (flag === "1") return { ok: true };
  if (flag === "0") return { ok: false, reason: reason || "absent (selon scripts/test.mjs)" };
  return null;
}

/** What the runner found (from the environment), or a probe of our own when Jest runs alone. */
export async function testServices(env = process.env) {
  return {
    postgres: fromEnv(env.PORTAIL_TEST_PG, env.PORTAIL_TEST_PG_SKIP_REASON) ?? (await probePostgres()),
    chromium: fromEnv(env.PORTAIL_TEST_CHROMIUM, env.PORTAIL_E2E_SKIP_REASON) ?? probeChromium(),
  };
}
