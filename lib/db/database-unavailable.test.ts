import { AppError } from "@/lib/errors";

import { isDatabaseUnavailable } from "./errors";
import { Prisma } from "./generated/client";

// The shapes below are the ones Prisma 7 and pg gave against a PostgreSQL server stopped,
// restarted or killed under load (tests/integration/database-availability.test.ts produces the
// real ones; tests/e2e/database-restart.test.ts runs the whole app through a restart).
const clientVersion = Prisma.prismaVersion.client;
const prismaError = (code: string, cause: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("Invalid `prisma.$queryRaw()` invocation", {
    code,
    clientVersion,
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });
const notReachable = { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 };
const adminShutdown = {
  originalCode: "57P01",
  originalMessage: "terminating connection due to administrator command",
  kind: "postgres",
  code: "57P01",
  severity: "FATAL",
};
/** pg's error for a connection the server dropped under a query: Prisma passes it on, adding its version. */
const terminated = () => Object.assign(new Error("Connection terminated unexpectedly"), { clientVersion });

describe("isDatabaseUnavailable, through Prisma's pg adapter", () => {
  it("recognises a server that refuses connections: P1001 from a transaction, P2010 from a raw query", () => {
    expect(isDatabaseUnavailable(prismaError("P1001", notReachable))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2010", notReachable))).toBe(true);
  });

  it("recognises a connection the server ended while stopping, crashing or starting (57P01–57P03, class 08)", () => {
    expect(isDatabaseUnavailable(prismaError("P2010", adminShutdown))).toBe(true);
    for (const state of ["57P02", "57P03", "08006", "08001"]) {
      expect(isDatabaseUnavailable(prismaError("P2010", { ...adminShutdown, originalCode: state, code: state }))).toBe(true);
    }
  });

  it("recognises a dropped connection, a socket timeout, and Prisma's own connection codes", () => {
    expect(isDatabaseUnavailable(terminated())).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2010", { kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2010", { kind: "SocketTimeout" }))).toBe(true);
    expect(isDatabaseUnavailable({ code: "P1017", clientVersion })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P1002", clientVersion })).toBe(true);
    const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect" });
    expect(isDatabaseUnavailable(Object.assign(new Error("wrapped", { cause: socket }), { clientVersion }))).toBe(true);
  });

  it("is false for the database's other errors: a duplicate key, a deadlock, a transaction timeout", () => {
    expect(isDatabaseUnavailable(prismaError("P2002", { originalCode: "23505", kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isDatabaseUnavailable(prismaError("P2010", { originalCode: "40P01", kind: "TransactionWriteConflict" }))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2028", clientVersion })).toBe(false);
  });
});

describe("isDatabaseUnavailable, on pg's own errors", () => {
  it("recognises the server's SQLSTATEs and pg's connection messages", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection"), { code: "57P01", severity: "FATAL" }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("does not take another peer's refusal for the database's: an SMTP or HTTP socket error is not", () => {
    // nodemailer, SMTP server stopped (the issue's « ECONNREFUSED » after a committed decision).
    const smtp = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), {
      code: "ESOCKET",
      errno: -111,
      syscall: "connect",
      command: "CONN",
    });
    // fetch (UploadThing, PayFiP): TypeError("fetch failed") with the socket error as its cause.
    const fetchFailed = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:443"), { code: "ECONNREFUSED", syscall: "connect" }),
    });
    const bareSocket = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read" });
    expect([smtp, fetchFailed, bareSocket].map(isDatabaseUnavailable)).toEqual([false, false, false]);
  });

  it("is false for a user's error and anything that is not an error", () => {
    expect(isDatabaseUnavailable(new AppError("FULL", "Complet."))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("57P01")).toBe(false);
  });
});
