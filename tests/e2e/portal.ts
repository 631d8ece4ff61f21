// One portal per test file: a fresh database (a new PostgreSQL database when the server is
// reachable, otherwise PGlite in a temporary folder) with the demo town, a real SMTP server on
// localhost that receives every mail, and `next start` on a free port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { databaseOnPglite, openDatabase, openPglite, type Database } from "@/lib/db/connect";
import { createPostgresDatabase, postgresAvailable } from "../helpers/test-db";
import { startSmtpPeer, type SmtpPeer } from "../helpers/smtp-peer";

const root = path.resolve(__dirname, "../..");

export type Portal = {
  baseUrl: string;
  smtp: SmtpPeer;
  /** PostgreSQL URL of the portal's database, null on PGlite (then only the server may open it). */
  databaseUrl: string | null;
  /** Opens the portal's database from the test (PostgreSQL only: PGlite allows one process). */
  openDatabase(): Database;
  stop(): Promise<void>;
};

export type PortalOptions = {
  /** Runs on the seeded database before the server starts (extra fixtures). */
  prepare?: (database: Database) => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
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
  const smtp = await startSmtpPeer();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    STORAGE_DIR: path.join(tmp, "storage"),
    SMTP_URL: smtp.url,
    MAIL_FROM: "Portail Familles <no-reply@portail.test>",
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;

  let dropDatabase = async () => {};
  if (postgresAvailable()) {
    const created = await createPostgresDatabase();
    env.DATABASE_URL = created.url;
    dropDatabase = created.drop;
  } else {
    env.PGLITE_DIR = path.join(tmp, "pglite");
  }

  // Migrations and demo data (the seed refuses NODE_ENV=production, so it runs as "test").
  const seed = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/seed.ts"], {
    cwd: root,
    env: { ...env, NODE_ENV: "test" },
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr || seed.stdout}`);

  const open = (): Database =>
    env.DATABASE_URL ? openDatabase({ kind: "postgres", url: env.DATABASE_URL, poolSize: 2 }) : (null as never);
  if (options.prepare) {
    const database = env.DATABASE_URL ? open() : databaseOnPglite(await openPglite(env.PGLITE_DIR!));
    try {
      await options.prepare(database);
    } finally {
      await database.close();
    }
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  env.NEXTAUTH_URL = baseUrl;
  const logPath = path.join(tmp, "next.log");
  const log = fs.openSync(logPath, "a");
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  try {
    await waitForHealth(baseUrl, child, logPath);
  } catch (error) {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
    throw error;
  }

  return {
    baseUrl,
    smtp,
    databaseUrl: env.DATABASE_URL ?? null,
    openDatabase() {
      if (!env.DATABASE_URL) throw new Error("the test cannot open the portal's PGlite database while the server runs");
      return open();
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        process.kill(-child.pid!, "SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      }
      fs.closeSync(log);
      await smtp.close();
      await dropDatabase();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
