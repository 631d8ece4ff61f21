import { auditCutoff } from "./retention";

describe("auditCutoff", () => {
  it("keeps exactly twelve months", () => {
    expect(auditCutoff(new Date("2026-11-26T10:00:00Z")).toISOString()).toBe("2025-11-26T10:00:00.000Z");
  });
});
