// Serves the process's embedded PGlite to pg-boss's `pg` pool on 127.0.0.1 (a port of its own),
// with @electric-sql/pglite-socket: the same queue library on both databases (DESIGN.md
// "Background work"). PGlite is one connection shared by Prisma and pg-boss, so who talks to it
// when matters.
//
// What was checked (pg-boss 10.4.2, pglite-socket 0.2.17, pglite 0.5.14):
// - pg-boss sends every statement with `pool.query(text, values)` (src/db.js executeSql); it
//   never checks a client out of the pool, so it never holds a transaction open across messages.
//   Its transactions are single simple-query messages: plans.js `locked()` joins
//   `BEGIN; SET LOCAL …; pg_advisory_xact_lock(…); …; COMMIT;` into one text (migrations,
//   maintenance: failJobsByTimeout, archive, drop); the `BEGIN` at plans.js 232/296 is a plpgsql
//   body. A parameterised query is one extended-protocol batch (Parse, Bind, Describe, Execute,
//   Sync).
// - pglite-socket, however, runs each protocol *message* under `PGlite.runExclusive`, which takes
//   only PGlite's query mutex, while Prisma's adapter runs a transaction under
//   `PGlite.transaction()`, which holds the *transaction* mutex and takes the query mutex per
//   statement. So, as shipped, a pg-boss message can run in the middle of a Prisma transaction
//   (a `COMMIT;` of pg-boss's would commit Prisma's half-done work), and a Prisma statement can
//   run between pg-boss's Parse and Sync (replacing its unnamed statement). And on a socket
//   disconnect the server rolls back whatever transaction PGlite is in — Prisma's, possibly.
// - Hence `exclusivePglite` below: the server talks to a view of PGlite that takes the
//   transaction mutex from a socket's first message until the end of its exchange (after a
//   simple Query, a Sync, the start-up or a Terminate, i.e. a ReadyForQuery), so a pg-boss
//   exchange and a Prisma transaction never interleave. If a socket exchange left a transaction
//   open (a `locked()` script that failed half-way), it is rolled back before PGlite is released.
//   One socket connection (pg-boss pool `max` 1 = `maxConnections` 1): PGlite runs one statement
//   at a time anyway, and the server's message queue is then never shared by two exchanges.
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** pg-boss's pool size on PGlite, and the socket server's connection limit. */
export const PGLITE_POOL_MAX = 1;

const SIMPLE_QUERY = 0x51; // 'Q'
const SYNC = 0x53; // 'S'
const TERMINATE = 0x58; // 'X'
const PROTOCOL_VERSION_3 = 196608;

/** Does this message end an exchange (PGlite answers ReadyForQuery, or the client leaves)? */
function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  if (type === SIMPLE_QUERY || type === SYNC || type === TERMINATE) return true;
  // The start-up message has no type byte: a length, then the protocol version.
  return message.length >= 8 && type === 0 && new DataView(message.buffer, message.byteOffset).getInt32(4) === PROTOCOL_VERSION_3;
}

/** A simple-query protocol message ('Q', length, text, NUL). */
function simpleQuery(sql: string): Uint8Array {
  const text = new TextEncoder().encode(sql);
  const message = new Uint8Array(1 + 4 + text.length + 1);
  message[0] = SIMPLE_QUERY;
  new DataView(message.buffer).setInt32(1, 4 + text.length + 1);
  message.set(text, 5);
  return message;
}

type PgliteInternals = PGlite & { _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T> };

/** The PGlite the socket server sees: one socket exchange at a time, never inside someone else's transaction. */
export function exclusivePglite(pglite: PGlite) {
  const internals = pglite as PgliteInternals;
  let release: (() => void) | null = null;

  const hold = () =>
    new Promise<void>((entered) => {
      void internals._runExclusiveTransaction(
        () =>
          new Promise<void>((released) => {
            release = () => {
              release = null;
              released();
            };
            entered();
          }),
      );
    });

  const rollbackAndRelease = async () => {
    if (!release) return;
    try {
      if (pglite.isInTransaction()) {
        console.error("[jobs] une transaction de pg-boss est restée ouverte sur PGlite : annulée");
        // Its answer goes nowhere: the client already had its ReadyForQuery.
        await pglite.runExclusive(() => pglite.execProtocolRawStream(simpleQuery("ROLLBACK"), { onRawData: () => {} }));
      }
    } finally {
      release?.();
    }
  };

  return {
    get waitReady() {
      return pglite.waitReady;
    },
    // The server wraps each message in runExclusive: the locking is done in execProtocolRawStream.
    runExclusive: <T>(fn: () => Promise<T>) => fn(),
    async execProtocolRawStream(message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) {
      if (!release) await hold();
      try {
        await pglite.runExclusive(() => pglite.execProtocolRawStream(message, options));
      } finally {
        if (endsExchange(message)) await rollbackAndRelease();
      }
    },
    /** Only the socket's own exchange counts: the server rolls back "its" transaction when a socket drops. */
    isInTransaction: () => release !== null,
    async exec(query: string) {
      if (query.trim().toUpperCase() === "ROLLBACK") await rollbackAndRelease();
    },
  };
}

export type PgliteBridge = { connectionString: string; close(): Promise<void> };

/** Starts the socket server on a free local port; pg-boss connects to `connectionString`. */
export async function servePgliteToPg(pglite: PGlite): Promise<PgliteBridge> {
  const server = new PGLiteSocketServer({
    db: exclusivePglite(pglite) as unknown as PGlite,
    host: "127.0.0.1",
    port: 0,
    maxConnections: PGLITE_POOL_MAX,
  });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:<port>"
  return {
    connectionString: `postgres://postgres@${address}/postgres?sslmode=disable`,
    close: () => server.stop(),
  };
}
