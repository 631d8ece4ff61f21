import { LEASE_MS, leaseMs } from "./delivery";

describe("the claim's length of a send", () => {
  it("is five minutes unless MAIL_LEASE_SECONDS asks for at least 30 s", () => {
    expect(leaseMs({})).toBe(LEASE_MS);
    expect(LEASE_MS).toBe(300_000);
    expect(leaseMs({ MAIL_LEASE_SECONDS: "30" })).toBe(30_000);
    expect(leaseMs({ MAIL_LEASE_SECONDS: "600" })).toBe(600_000);
  });

  it("ignores a value below 30 s or not a number", () => {
    for (const value of ["29", "0", "-5", "abc", ""]) expect(leaseMs({ MAIL_LEASE_SECONDS: value })).toBe(LEASE_MS);
  });
});
