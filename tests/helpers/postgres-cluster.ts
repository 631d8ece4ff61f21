// A throwaway PostgreSQL server of its own (initdb + pg_ctl in a temporary folder, on a free
// port), for a test that stops and restarts PostgreSQL: never the shared server other suites use.
// As root (CI, the sessions) the server must run as the `postgres` user: the folder is given to
// it and every command goes through runuser.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";

import { freePort } from "./free-port";

const run = promisify(execFile);

/** Where Debian puts PostgreSQL 15's server programs; PORTAIL_PG_BIN for another place. */
export const POSTGRES_BIN = process.env.PORTAIL_PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type PostgresCluster = {
  /** postgresql://postgres@127.0.0.1:<port>/portail */
  url: string;
  port: number;
  /** pg_ctl stop -m fast (what a restart does first): sessions end, new connections are refused. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** pg_ctl restart -m fast. */
  restart(): Promise<void>;
  /** Stops the server if it runs and deletes its folder. */
  remove(): Promise<void>;
};

/** Why a throwaway cluster cannot be made here, or null when it can. */
export function postgresClusterUnavailable(): string | null {
  for (const program of ["initdb", "pg_ctl"]) {
    if (!fs.existsSync(path.join(POSTGRES_BIN, program))) {
      return `${program} introuvable dans ${POSTGRES_BIN} (paquet postgresql-15 ; PORTAIL_PG_BIN pour un autre dossier)`;
    }
  }
  if (process.getuid?.() === 0) {
    try {
      fs.accessSync("/usr/sbin/runuser", fs.constants.X_OK);
    } catch {
      return "root sans runuser : PostgreSQL refuse de tourner en root";
    }
  }
  return null;
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const reason = postgresClusterUnavailable();
  if (reason) throw new Error(`serveur PostgreSQL jetable impossible : ${reason}`);
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portail-pgcluster-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const program = (name: string, args: string[]) =>
    asRoot
      ? run("/usr/sbin/runuser", ["-u", "postgres", "--", path.join(POSTGRES_BIN, name), ...args])
      : run(path.join(POSTGRES_BIN, name), args);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const pgCtl = async (...args: string[]) => {
    try {
      await program("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", ...args]);
    } catch (error) {
      const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").slice(-20).join("\n") : "";
      throw new Error(`pg_ctl ${args.join(" ")} failed: ${(error as Error).message}\n${tail}`);
    }
  };

  let running = false;
  const start = async () => {
    await pgCtl("-o", options, "start");
    running = true;
  };
  const remove = async () => {
    // Whatever state a failed test left it in: stopped if it runs, then its folder deleted.
    if (running || fs.existsSync(path.join(data, "postmaster.pid"))) await pgCtl("-m", "immediate", "stop").catch(() => {});
    running = false;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const url = `postgresql://postgres@127.0.0.1:${port}/portail`;
  try {
    await program("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
    await start();
    const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query("CREATE DATABASE portail");
    await admin.end();
  } catch (error) {
    await remove();
    throw error;
  }

  return {
    url,
    port,
    async stop() {
      await pgCtl("-m", "fast", "stop");
      running = false;
    },
    start,
    async restart() {
      await pgCtl("-m", "fast", "-o", options, "restart");
      running = true;
    },
    remove,
  };
}
