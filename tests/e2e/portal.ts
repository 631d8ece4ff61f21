// One portal per test file: a fresh database (a new PostgreSQL database when the server is
// reachable, otherwise PGlite in a temporary folder) with the demo town, a real SMTP server on
// localhost that receives every mail, and `next start` on a free port.
// The portal's clock is pinned (lib/clock.ts): by default to DEFAULT_PORTAL_CLOCK, a Monday in
// term time, whatever the machine's date; a test picks another instant with `clock`, and
// PORTAIL_E2E_CLOCK moves every portal of a run. The seed, the server and the test share one
// timeline (PORTAIL_CLOCK_ANCHOR), so `portal.now()` is the portal's own "now".
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { parisToday, type CalendarDay } from "@/lib/dates/calendar-day";
import { databaseOnPglite, openDatabase, openPglite, type Database } from "@/lib/db/connect";

import { freePort } from "../helpers/free-port";
import { createPostgresDatabase } from "../helpers/postgres-database";
import { stopProcessGroup } from "../helpers/process-group";
import { startSmtpPeer, type SmtpPeer } from "../helpers/smtp-peer";
import { postgresAvailable } from "../helpers/test-db";
import { portalProcessPrisma, type PortalPrisma } from "./portal-inspector";

const root = path.resolve(__dirname, "../..");

/** Monday 30 November 2026, 9:00 in Paris: term time, the next bookable week is 7–11 December. */
export const DEFAULT_PORTAL_CLOCK = "2026-11-30T09:00:00+01:00";

/** The portal's clock, as seen from the test. */
export type PortalClock = {
  /** The PORTAIL_CLOCK the portal started with. */
  clock: string;
  now(): Date;
  /** The portal's day in Paris. */
  today(): CalendarDay;
};

export type Portal = PortalClock & {
  baseUrl: string;
  smtp: SmtpPeer;
  /** PostgreSQL URL of the portal's database, null on PGlite (then only the server may open it). */
  databaseUrl: string | null;
  /** Opens the portal's database from the test (PostgreSQL only: PGlite allows one process). */
  openDatabase(): Database;
  /**
   * The portal's database as the test's checks use it, on either database: a connection of the
   * test's on PostgreSQL; on the embedded PGlite, the portal process's own Prisma client, driven
   * through its inspector (tests/e2e/portal-inspector.ts). Throws when it cannot be reached.
   */
  connectDatabase(): Promise<PortalPrisma>;
  /**
   * Starts an SMTP server on the portal's SMTP port again (after `smtpDown`, or after
   * `smtp.close()`), and makes it `smtp`: what reaches it from then on is in `smtp.mails`.
   */
  restartSmtp(): Promise<SmtpPeer>;
  /**
   * Another `next start` on the same database (PostgreSQL only), as a town runs several behind
   * a load balancer; stopped with the portal if the test has not stopped it.
   */
  startInstance(): Promise<PortalInstance>;
  stop(): Promise<void>;
  /** The `next start` process (the leader of its own process group). */
  process: ChildProcess;
};

/** A `next start` process of a portal. */
export type PortalInstance = { baseUrl: string; process: ChildProcess; logPath: string; stop(): Promise<void> };

export type PortalOptions = {
  /** Runs on the seeded database before the server starts (extra fixtures). */
  prepare?: (database: Database, clock: PortalClock) => Promise<void>;
  /** The instant the portal's clock reads when it starts (ISO, with its offset). */
  clock?: string;
  /** Extra environment of the server (e.g. SHUTDOWN_DRAIN_SECONDS, a job's schedule). */
  env?: Record<string, string>;
  /**
   * An empty PostgreSQL database to run on (migrated and seeded here, never dropped), instead of
   * a fresh one on the tests' server: e.g. on a throwaway server the test stops and restarts.
   */
  databaseUrl?: string;
  /** Start with no SMTP server listening on the portal's SMTP port (`restartSmtp()` starts one). */
  smtpDown?: boolean;
  /** The SMTP server answers each message only after this long (a slow server). */
  smtpDelayMs?: number;
};

/** A clock that reads `clock` at the real instant `anchorMs` and runs on. */
export function portalClock(clock: string, anchorMs: number): PortalClock {
  const offset = new Date(clock).getTime() - anchorMs;
  if (Number.isNaN(offset)) throw new Error(`not an instant: ${clock}`);
  const now = () => new Date(Date.now() + offset);
  return { clock, now, today: () => parisToday(now()) };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

async function waitForHealth(url: string, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the portal did not start at ${url}:\n${fs.readFileSync(logPath, "utf8")}`);
}

export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portail-e2e-"));
  let smtp = await startSmtpPeer({ delayMs: options.smtpDelayMs });
  const smtpPort = smtp.port;
  if (options.smtpDown) await smtp.close();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    STORAGE_DIR: path.join(tmp, "storage"),
    SMTP_URL: smtp.url,
    MAIL_FROM: "Portail Familles <no-reply@portail.test>",
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    // No drain before the graceful stop (lib/server/graceful-shutdown.ts): stop() is quick.
    SHUTDOWN_DRAIN_SECONDS: "0",
    ...options.env,
  };
  const anchorMs = Date.now();
  const clock = portalClock(options.clock ?? process.env.PORTAIL_E2E_CLOCK ?? DEFAULT_PORTAL_CLOCK, anchorMs);
  // `next start` is a production server: it honours PORTAIL_CLOCK only with the test flag.
  Object.assign(env, { PORTAIL_CLOCK: clock.clock, PORTAIL_CLOCK_ANCHOR: String(anchorMs), PORTAIL_TEST_CLOCK_ALLOWED: "1" });
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;

  let dropDatabase = async () => {};
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
  } else if (postgresAvailable()) {
    const created = await createPostgresDatabase();
    env.DATABASE_URL = created.url;
    dropDatabase = created.drop;
  } else {
    env.PGLITE_DIR = path.join(tmp, "pglite");
  }

  // Migrations and demo data (the seed refuses NODE_ENV=production, so it runs as "test"). Not
  // spawnSync: a test may start a portal while it drives another one.
  const seed = await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/seed.ts"], {
    ...env,
    NODE_ENV: "test",
  });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.output}`);

  const open = (): Database =>
    env.DATABASE_URL ? openDatabase({ kind: "postgres", url: env.DATABASE_URL, poolSize: 2 }) : (null as never);
  if (options.prepare) {
    const database = env.DATABASE_URL ? open() : databaseOnPglite(await openPglite(env.PGLITE_DIR!));
    try {
      await options.prepare(database, clock);
    } finally {
      await database.close();
    }
  }

  // One `next start`; on PGlite the test reads the database through that process's inspector,
  // on a local port of its own (tests/e2e/portal-inspector.ts): the server's process is the only
  // one that may open it.
  const instances: PortalInstance[] = [];
  const startServer = async (inspectPort: number | null): Promise<PortalInstance> => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const logPath = path.join(tmp, `next-${port}.log`);
    const log = fs.openSync(logPath, "a");
    const inspect = inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : [];
    const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1", ...inspect], {
      cwd: root,
      env: { ...env, NEXTAUTH_URL: env.NEXTAUTH_URL ?? baseUrl },
      stdio: ["ignore", log, log],
      detached: true,
    });
    child.once("exit", () => fs.closeSync(log));
    try {
      await waitForHealth(baseUrl, child, logPath);
    } catch (error) {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      throw error;
    }
    const instance = { baseUrl, process: child, logPath, stop: () => stopProcessGroup(child) };
    instances.push(instance);
    return instance;
  };
  const inspectPort = env.DATABASE_URL ? null : await freePort();
  const first = await startServer(inspectPort);
  const baseUrl = first.baseUrl;
  env.NEXTAUTH_URL = baseUrl;

  const portal: Portal = {
    ...clock,
    baseUrl,
    smtp,
    databaseUrl: env.DATABASE_URL ?? null,
    process: first.process,
    openDatabase() {
      if (!env.DATABASE_URL) throw new Error("the test cannot open the portal's PGlite database while the server runs");
      return open();
    },
    async connectDatabase() {
      if (inspectPort) return portalProcessPrisma(inspectPort);
      const database = open();
      return { prisma: database.prisma, close: () => database.close() };
    },
    async restartSmtp() {
      await portal.smtp.close().catch(() => undefined);
      smtp = await startSmtpPeer({ port: smtpPort, delayMs: options.smtpDelayMs });
      portal.smtp = smtp;
      return smtp;
    },
    async startInstance() {
      if (!env.DATABASE_URL) throw new Error("a second instance needs PostgreSQL (PGlite opens in one process)");
      return startServer(null);
    },
    async stop() {
      await Promise.all(instances.map((instance) => instance.stop()));
      await portal.smtp.close().catch(() => undefined);
      await dropDatabase();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
  return portal;
}
