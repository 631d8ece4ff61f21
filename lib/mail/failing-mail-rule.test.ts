import { isFailingForOverAnHour, type TFailingMailFacts } from "./failing-mail-rule";

const NOW = new Date("2026-11-26T10:00:00Z");
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const mail = (facts: Partial<TFailingMailFacts>): TFailingMailFacts => ({
  status: "PENDING",
  lastError: "connect ECONNREFUSED 127.0.0.1:25",
  createdAt: minutesAgo(61),
  ...facts,
});

describe("the admin home's alert rule: mails failing for more than an hour", () => {
  it("counts a mail retried after a failure once it was written more than an hour ago, not before", () => {
    expect(isFailingForOverAnHour(mail({}), NOW)).toBe(true);
    expect(isFailingForOverAnHour(mail({ createdAt: minutesAgo(60) }), NOW)).toBe(true);
    expect(isFailingForOverAnHour(mail({ createdAt: minutesAgo(59) }), NOW)).toBe(false);
    expect(isFailingForOverAnHour(mail({ status: "SENDING" }), NOW)).toBe(true);
  });

  it("counts a mail given up at once, whenever it was written", () => {
    expect(isFailingForOverAnHour(mail({ status: "FAILED", createdAt: minutesAgo(2) }), NOW)).toBe(true);
  });

  it("counts a mail held by an outage or just put back by « Renvoyer » (its error, no attempt of its own yet)", () => {
    expect(isFailingForOverAnHour(mail({ createdAt: minutesAgo(90) }), NOW)).toBe(true);
  });

  it("leaves out a mail waiting without an error and a sent one", () => {
    expect(isFailingForOverAnHour(mail({ lastError: null, createdAt: minutesAgo(600) }), NOW)).toBe(false);
    expect(isFailingForOverAnHour(mail({ status: "SENT", createdAt: minutesAgo(600) }), NOW)).toBe(false);
  });
});
