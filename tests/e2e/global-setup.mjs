// Starts the built portal (`next start`) on a fresh database with the demo data, for the
// browser tests. PostgreSQL when reachable (a new portail_test_* database), otherwise the
// embedded PGlite in a temporary folder. `next build` is run by scripts/test.mjs beforehand.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { pgAdminUrl, probeChromium, probePostgres } from "../helpers/probe-services.mjs";

const root = path.resolve(import.meta.dirname, "../..");

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the portal did not answer at ${url} within ${timeoutMs} ms`);
}

export default async function globalSetup() {
  const chromium = probeChromium();
  if (!chromium.ok) {
    process.env.PORTAIL_E2E_SKIP_REASON = chromium.reason;
    console.warn(`\n[e2e] Tests navigateur ignorés : ${chromium.reason}\n`);
    return;
  }
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` first (scripts/test.mjs does).");
  }

  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const state = { tmp: fs.mkdtempSync(path.join(os.tmpdir(), "portail-e2e-")) };
  env.STORAGE_DIR = path.join(state.tmp, "storage");
  const postgres = await probePostgres();
  if (postgres.ok) {
    state.database = `portail_e2e_${crypto.randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: pgAdminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${state.database}`);
    await admin.end();
    const url = new URL(pgAdminUrl());
    url.pathname = `/${state.database}`;
    env.DATABASE_URL = url.toString();
  } else {
    env.PGLITE_DIR = path.join(state.tmp, "pglite");
    console.warn(`[e2e] PostgreSQL indisponible (${postgres.reason}) : le portail tourne sur PGlite.`);
  }

  // Demo data: the seed refuses NODE_ENV=production, so it runs as a test-environment script.
  const seed = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/seed.ts"], {
    cwd: root,
    env: { ...env, NODE_ENV: "test" },
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr || seed.stdout}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  env.NEXTAUTH_URL = baseUrl;
  env.NEXTAUTH_SECRET = crypto.randomBytes(32).toString("hex");
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const logPath = path.join(state.tmp, "next.log");
  const log = fs.createWriteStream(logPath);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  try {
    await waitForHealth(baseUrl, child, 60_000);
  } catch (error) {
    process.kill(-child.pid, "SIGTERM");
    throw new Error(`${error.message}\n${fs.existsSync(logPath) ? fs.readFileSync(logPath, "utf8") : ""}`);
  }

  process.env.PORTAIL_E2E_BASE_URL = baseUrl;
  process.env.PORTAIL_E2E_DATABASE_URL = env.DATABASE_URL ?? "";
  process.env.PORTAIL_E2E_LOG = logPath;
  globalThis.__portailE2e = { child, state };
}
