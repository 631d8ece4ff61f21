// The one place that reads database errors (STYLE.md "Validation and errors"). Prisma 7 with a
// driver adapter wraps the driver's error: the SQLSTATE sits in meta.driverAdapterError.cause
// (originalCode), and the unique key in its `constraint` — `{ fields }` from PGlite's adapter,
// `{ index }` from pg's — so every check below looks for the values wherever they are.
// No "server-only": scripts and tests read these errors too.

const UNIQUE_VIOLATION = "23505";
const CHECK_VIOLATION = "23514";
/** Serialization failure and deadlock: the transaction was rolled back, running it again is safe. */
const CONFLICT_STATES = new Set(["40001", "40P01"]);

function fields(error: unknown): Record<string, unknown> | null {
  return error && typeof error === "object" ? (error as Record<string, unknown>) : null;
}

/** The SQLSTATE of a database error, wherever the driver adapter put it; null for other errors. */
export function sqlState(error: unknown, depth = 0): string | null {
  const record = fields(error);
  if (!record || depth > 4) return null;
  for (const key of ["originalCode", "code", "sqlState"]) {
    const value = record[key];
    if (typeof value === "string" && /^[0-9A-Z]{5}$/.test(value) && !value.startsWith("P")) return value;
  }
  for (const key of ["cause", "meta", "driverAdapterError", "error"]) {
    const found = sqlState(record[key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Prisma's own error code (P2002, P2028…), when the error is one of Prisma's. */
function prismaCode(error: unknown): string | null {
  const code = fields(error)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : null;
}

/** The names a unique violation gives for its key: the constraint's name and its columns. */
function uniqueKeyNames(error: unknown, depth = 0): string[] {
  const record = fields(error);
  if (!record || depth > 4) return [];
  const names: string[] = [];
  const constraint = fields(record.constraint);
  if (typeof constraint?.index === "string") names.push(constraint.index);
  if (Array.isArray(constraint?.fields)) names.push(...constraint.fields.map(String));
  if (Array.isArray(record.target)) names.push(...record.target.map(String)); // Prisma without adapter: meta.target
  for (const key of ["originalMessage", "message"]) {
    const quoted = typeof record[key] === "string" ? /unique constraint "([^"]+)"/.exec(record[key] as string) : null;
    if (quoted) names.push(quoted[1]);
  }
  for (const key of ["cause", "meta", "driverAdapterError", "error"]) names.push(...uniqueKeyNames(record[key], depth + 1));
  return names;
}

/**
 * A duplicate key (SQLSTATE 23505, Prisma P2002). With `target`, only on that key: its
 * constraint's name ("User_email_key") or one of its columns ("email").
 */
export function isUniqueViolation(error: unknown, target?: string): boolean {
  if (sqlState(error) !== UNIQUE_VIOLATION && prismaCode(error) !== "P2002") return false;
  return target === undefined || uniqueKeyNames(error).includes(target);
}

/** A CHECK constraint refused the row (SQLSTATE 23514): e.g. a counter over its capacity. */
export function isCheckViolation(error: unknown): boolean {
  return sqlState(error) === CHECK_VIOLATION;
}

/** A serialization failure or a deadlock (SQLSTATE 40001, 40P01; Prisma P2034): safe to run again. */
export function isTransactionConflict(error: unknown): boolean {
  const state = sqlState(error);
  return (state !== null && CONFLICT_STATES.has(state)) || prismaCode(error) === "P2034";
}

/** Prisma P2028: the transaction could not start in time, or expired — it was rolled back. */
export function isTransactionTimeout(error: unknown): boolean {
  return prismaCode(error) === "P2028";
}

// The database cannot be reached: SQLSTATE class 08 (connection exception) and the server
// shutting down, crashed or still starting (57P01–57P03); Prisma's "can't reach" (P1001), "timed
// out" (P1002) and "server closed the connection" (P1017); the pg adapter's kinds for the same
// (meta.driverAdapterError.cause.kind); pg's own messages when a connection dies under a query
// ("Connection terminated unexpectedly" reaches us bare, with only Prisma's clientVersion on it)
// or the pool cannot open one in time.
const UNAVAILABLE_STATES = new Set(["57P01", "57P02", "57P03"]);
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const PG_CONNECTION_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;
// A socket error names no peer: an SMTP server or an HTTP API refusing a connection gives the same
// ECONNREFUSED. So these codes count only on an error Prisma threw (it carries clientVersion).
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);

/** Whether `test` holds for the error or an error it wraps (cause, meta, driverAdapterError…). */
function anyInChain(error: unknown, test: (record: Record<string, unknown>) => boolean, depth = 0): boolean {
  const record = fields(error);
  if (!record || depth > 4) return false;
  if (test(record)) return true;
  return ["cause", "meta", "driverAdapterError", "error"].some((key) => anyInChain(record[key], test, depth + 1));
}

/**
 * The database could not be reached or dropped the connection (it is down, restarting or out
 * of reach) — as Prisma reports it through the driver adapter, or as pg does: the request may
 * succeed again in a moment, the user reads « Service momentanément indisponible ».
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== null && (state.startsWith("08") || UNAVAILABLE_STATES.has(state))) return true;
  const code = prismaCode(error);
  if (code !== null && UNAVAILABLE_PRISMA_CODES.has(code)) return true;
  const fromPrisma = typeof fields(error)?.clientVersion === "string";
  return anyInChain(
    error,
    (record) =>
      (typeof record.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(record.kind)) ||
      (typeof record.message === "string" && PG_CONNECTION_MESSAGE.test(record.message)) ||
      (fromPrisma && typeof record.code === "string" && SOCKET_CODES.has(record.code)),
  );
}

/**
 * Runs `run` (a whole transaction) again when it failed on a serialization failure or a
 * deadlock — and, with `retryTimeouts`, on a transaction that could not start or expired —
 * at most `attempts` times in all, after a short random pause; any other error, and the last
 * one, is thrown as it is.
 */
export async function retryTransaction<T>(
  run: () => Promise<T>,
  options: { attempts?: number; retryTimeouts?: boolean } = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const retryable = isTransactionConflict(error) || (options.retryTimeouts === true && isTransactionTimeout(error));
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
