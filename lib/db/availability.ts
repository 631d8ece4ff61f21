// Whether the PostgreSQL server answers, known without making each request wait on it: proxy.ts
// asks on every page request and answers the « Service momentanément indisponible » page (503)
// while it does not, instead of letting the page fail half-rendered.
// How it knows: one connection of its own (not one of Prisma's pool, which may be busy). The
// server ends it at once when it stops or restarts (57P01) or crashes, so a stop is noticed
// before the next request; a silent loss (network) is caught by a SELECT 1 on it, in the
// background, at most once a second while requests come. Once lost, the next request probes
// again (a new connection, 2 s at most): a refusal is remembered for a second, so requests during
// an outage cost nothing, and the first probe that succeeds opens the way again.
// On the embedded PGlite (no DATABASE_URL) the database is in the process: always available.
// No "server-only": proxy.ts imports it.
import pg from "pg";

const RECHECK_MS = 1000;
const PROBE_TIMEOUT_MS = 2000;

export type AvailabilityProbe = {
  /** true when the server answered lately; waits for a probe only when it had not, or was lost. */
  isAvailable(): Promise<boolean>;
  close(): Promise<void>;
};

export function createAvailabilityProbe(
  url: string,
  options: { recheckMs?: number; timeoutMs?: number } = {},
): AvailabilityProbe {
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  let watch: pg.Client | null = null;
  /** The last answer and when it was had; checkedAt 0: ask again now. */
  let up = false;
  let checkedAt = 0;
  let probing: Promise<boolean> | null = null;
  let rechecking = false;
  let closed = false;

  const lose = (client: pg.Client) => {
    if (watch !== client) return;
    watch = null;
    up = false;
    checkedAt = 0; // maybe only this connection ended (a restart, an idle timeout): the next request asks again
    client.end().catch(() => {});
  };

  const probe = async (): Promise<boolean> => {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      application_name: "portail-availability",
    });
    // Without a listener, an error on the idle connection would end the process.
    client.on("error", () => lose(client));
    client.on("end", () => lose(client));
    try {
      await client.connect();
      await client.query("SELECT 1");
      if (closed) throw new Error("closed");
      watch = client;
      up = true;
    } catch {
      client.end().catch(() => {});
      up = false;
    }
    checkedAt = Date.now();
    return up;
  };

  const recheck = (client: pg.Client) => {
    if (rechecking) return;
    rechecking = true;
    // Settles within query_timeout: a connection that no longer answers is lost.
    client
      .query("SELECT 1")
      .then(
        () => {
          if (watch === client) checkedAt = Date.now();
        },
        () => lose(client),
      )
      .finally(() => (rechecking = false));
  };

  return {
    async isAvailable() {
      const age = Date.now() - checkedAt;
      if (up && watch) {
        if (age >= recheckMs) recheck(watch);
        return true;
      }
      if (checkedAt !== 0 && age < recheckMs) return false;
      probing ??= probe().finally(() => (probing = null));
      return probing;
    },
    async close() {
      closed = true;
      const client = watch;
      watch = null;
      up = false;
      await client?.end().catch(() => {});
    },
  };
}

// One probe per server process, shared by every bundle that imports this module.
const holder = globalThis as typeof globalThis & { __portailAvailability?: { url: string; probe: AvailabilityProbe } };

/** Whether the database answers (always true on the embedded PGlite): see the head of this file. */
export function databaseAvailable(env: Record<string, string | undefined> = process.env): Promise<boolean> {
  const url = env.DATABASE_URL?.trim();
  if (!url) return Promise.resolve(true);
  if (holder.__portailAvailability?.url !== url) {
    void holder.__portailAvailability?.probe.close();
    holder.__portailAvailability = { url, probe: createAvailabilityProbe(url) };
  }
  return holder.__portailAvailability.probe.isAvailable();
}

/** Closes the probe's connection (graceful shutdown: nothing of ours keeps the process alive). */
export async function closeDatabaseAvailability(): Promise<void> {
  const current = holder.__portailAvailability;
  holder.__portailAvailability = undefined;
  await current?.probe.close();
}
