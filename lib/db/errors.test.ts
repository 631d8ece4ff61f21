import { AppError } from "@/lib/errors";

import {
  isCheckViolation,
  isTransactionConflict,
  isTransactionTimeout,
  isUniqueViolation,
  retryTransaction,
  sqlState,
} from "./errors";

// The shapes Prisma 7 gives through its driver adapters (as seen on PGlite and on PostgreSQL;
// tests/integration/db-errors.test.ts produces the real ones).
const adapterError = (cause: Record<string, unknown>, code = "P2002") => ({
  code,
  meta: { modelName: "School", driverAdapterError: { cause } },
});
const onPglite = adapterError({
  originalCode: "23505",
  originalMessage: 'duplicate key value violates unique constraint "School_name_key"',
  kind: "UniqueConstraintViolation",
  constraint: { fields: ["name"] },
});
const onPostgres = adapterError({
  originalCode: "23505",
  originalMessage: 'duplicate key value violates unique constraint "School_name_key"',
  kind: "UniqueConstraintViolation",
  constraint: { index: "School_name_key" },
  table: "School",
});

describe("sqlState", () => {
  it("finds the SQLSTATE under the driver adapter's error", () => {
    expect(sqlState(onPglite)).toBe("23505");
    expect(sqlState(adapterError({ originalCode: "40P01", kind: "postgres", code: "40P01" }, "P2010"))).toBe("40P01");
  });
  it("finds it on a bare driver error and under a cause", () => {
    expect(sqlState({ code: "23514" })).toBe("23514");
    expect(sqlState(new Error("wrapped", { cause: { code: "40001" } }))).toBe("40001");
  });
  it("is null for Prisma's own codes and for errors that are not the database's", () => {
    expect(sqlState({ code: "P2028" })).toBeNull();
    expect(sqlState(new Error("boom"))).toBeNull();
    expect(sqlState(null)).toBeNull();
    expect(sqlState("23505")).toBeNull();
  });
});

describe("isUniqueViolation", () => {
  it("recognises a duplicate key from either adapter, or from Prisma's P2002 alone", () => {
    expect(isUniqueViolation(onPglite)).toBe(true);
    expect(isUniqueViolation(onPostgres)).toBe(true);
    expect(isUniqueViolation({ code: "P2002", meta: { target: ["email"] } })).toBe(true);
    expect(isUniqueViolation({ code: "23505" })).toBe(true);
  });
  it("with a target, answers only for that key: its constraint's name or one of its columns", () => {
    expect(isUniqueViolation(onPglite, "School_name_key")).toBe(true);
    expect(isUniqueViolation(onPostgres, "School_name_key")).toBe(true);
    expect(isUniqueViolation(onPglite, "name")).toBe(true);
    expect(isUniqueViolation({ code: "P2002", meta: { target: ["email"] } }, "email")).toBe(true);
    expect(isUniqueViolation(onPostgres, "User_email_key")).toBe(false);
  });
  it("is false for other errors", () => {
    expect(isUniqueViolation(adapterError({ originalCode: "23514" }, "P2010"))).toBe(false);
    expect(isUniqueViolation(new AppError("TAKEN", "Déjà pris."))).toBe(false);
    expect(isUniqueViolation(new Error("duplicate"))).toBe(false);
  });
});

describe("isCheckViolation, isTransactionConflict, isTransactionTimeout", () => {
  it("tells a CHECK refusal, a serialization failure or deadlock, and an expired transaction apart", () => {
    const check = adapterError({ originalCode: "23514" }, "P2010");
    const deadlock = adapterError({ originalCode: "40P01" }, "P2010");
    const serialization = adapterError({ originalCode: "40001" }, "P2010");
    expect([isCheckViolation(check), isTransactionConflict(check), isTransactionTimeout(check)]).toEqual([true, false, false]);
    expect([isCheckViolation(deadlock), isTransactionConflict(deadlock)]).toEqual([false, true]);
    expect(isTransactionConflict(serialization)).toBe(true);
    expect(isTransactionConflict({ code: "P2034" })).toBe(true);
    expect([isTransactionConflict({ code: "P2028" }), isTransactionTimeout({ code: "P2028" })]).toEqual([false, true]);
  });
});

describe("retryTransaction", () => {
  const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" });

  it("runs the transaction again after a deadlock or a serialization failure, and returns its result", async () => {
    let calls = 0;
    const result = await retryTransaction(async () => {
      calls += 1;
      if (calls < 3) throw calls === 1 ? deadlock() : Object.assign(new Error("serialize"), { code: "40001" });
      return "fait";
    });
    expect(result).toBe("fait");
    expect(calls).toBe(3);
  });

  it("gives up after the given number of attempts and throws the last error", async () => {
    let calls = 0;
    const run = async () => {
      calls += 1;
      throw deadlock();
    };
    await expect(retryTransaction(run, { attempts: 3 })).rejects.toThrow("deadlock detected");
    expect(calls).toBe(3);
  });

  it("never retries other errors: a user's error or a duplicate key is thrown at once", async () => {
    for (const error of [new AppError("FULL", "Complet."), Object.assign(new Error("dup"), { code: "23505" })]) {
      let calls = 0;
      await expect(
        retryTransaction(async () => {
          calls += 1;
          throw error;
        }),
      ).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });

  it("retries an expired transaction (P2028) only when asked to", async () => {
    const expired = Object.assign(new Error("expired"), { code: "P2028" });
    let calls = 0;
    const run = async () => {
      calls += 1;
      if (calls === 1) throw expired;
      return calls;
    };
    await expect(retryTransaction(run)).rejects.toBe(expired);
    calls = 0;
    await expect(retryTransaction(run, { retryTimeouts: true })).resolves.toBe(2);
  });
});
