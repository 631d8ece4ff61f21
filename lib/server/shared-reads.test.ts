import { forgetSharedReads, SHARED_READ_TTL_MS, sharedRead } from "./shared-reads";
import { sharedReadsGeneration } from "./shared-reads-generation";

describe("sharedRead", () => {
  beforeEach(() => {
    jest.useFakeTimers();
    forgetSharedReads();
  });
  afterEach(() => jest.useRealTimers());

  const counter = () => {
    let reads = 0;
    return { load: async () => ++reads, reads: () => reads };
  };

  it("reads once per key and database within the delay, then again after it", async () => {
    const db = {};
    const source = counter();
    expect(await sharedRead(db, "town", source.load)).toBe(1);
    jest.advanceTimersByTime(SHARED_READ_TTL_MS - 1);
    expect(await sharedRead(db, "town", source.load)).toBe(1);
    jest.advanceTimersByTime(1);
    expect(await sharedRead(db, "town", source.load)).toBe(2);
    expect(source.reads()).toBe(2);
  });

  it("keeps databases and keys apart", async () => {
    const [one, other] = [{}, {}];
    const source = counter();
    expect(await sharedRead(one, "town", source.load)).toBe(1);
    expect(await sharedRead(other, "town", source.load)).toBe(2);
    expect(await sharedRead(one, "news", source.load)).toBe(3);
    expect(await sharedRead(one, "town", source.load)).toBe(1);
  });

  it("reads again at once after a staff change (forgetSharedReads)", async () => {
    const db = {};
    const source = counter();
    await sharedRead(db, "town", source.load);
    const generation = sharedReadsGeneration();
    forgetSharedReads();
    expect(await sharedRead(db, "town", source.load)).toBe(2);
    // The copied pages, made from these reads, are forgotten with them (lib/server/page-copy.ts).
    expect(sharedReadsGeneration()).toBe(generation + 1);
  });

  it("shares one read between requests that arrive together, and does not keep a failed read", async () => {
    const db = {};
    let attempts = 0;
    const failing = () => {
      attempts += 1;
      return Promise.reject(new Error("database out of reach"));
    };
    const first = sharedRead(db, "town", failing);
    const second = sharedRead(db, "town", failing);
    await expect(first).rejects.toThrow("database out of reach");
    await expect(second).rejects.toThrow("database out of reach");
    expect(attempts).toBe(1);
    await expect(sharedRead(db, "town", async () => "back")).resolves.toBe("back");
  });
});
