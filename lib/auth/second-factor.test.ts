import { totpAt } from "@/tests/helpers/totp";

import { DEMO_TOTP_SECRET } from "./demo-totp";
import { matchTotp, normaliseRecoveryCode } from "./second-factor";
import { openTotpSecret, sealTotpSecret } from "./totp-secret";

const at = (iso: string) => new Date(iso);
const stepOf = (date: Date) => Math.floor(date.getTime() / 30_000);

describe("TOTP second factor", () => {
  const now = at("2026-11-30T09:00:10Z");
  const step = stepOf(now);

  it("accepts the code of the current step, and of one step either way (a phone's clock drifts)", async () => {
    expect(await matchTotp(DEMO_TOTP_SECRET, totpAt(DEMO_TOTP_SECRET, step), null, now)).toBe(step);
    expect(await matchTotp(DEMO_TOTP_SECRET, totpAt(DEMO_TOTP_SECRET, step - 1), null, now)).toBe(step - 1);
    expect(await matchTotp(DEMO_TOTP_SECRET, totpAt(DEMO_TOTP_SECRET, step + 1), null, now)).toBe(step + 1);
  });

  it("refuses an older or later code, a code already used, and anything not 6 digits", async () => {
    expect(await matchTotp(DEMO_TOTP_SECRET, totpAt(DEMO_TOTP_SECRET, step - 3), null, now)).toBeNull();
    expect(await matchTotp(DEMO_TOTP_SECRET, totpAt(DEMO_TOTP_SECRET, step + 3), null, now)).toBeNull();
    expect(await matchTotp(DEMO_TOTP_SECRET, totpAt(DEMO_TOTP_SECRET, step), step, now)).toBeNull();
    expect(await matchTotp(DEMO_TOTP_SECRET, "12345", null, now)).toBeNull();
    expect(await matchTotp(DEMO_TOTP_SECRET, "abcdef", null, now)).toBeNull();
  });

  it("stores the secret sealed: the stored text does not contain it and opens back to it", () => {
    const sealed = sealTotpSecret(DEMO_TOTP_SECRET);
    expect(sealed).not.toContain(DEMO_TOTP_SECRET);
    expect(sealTotpSecret(DEMO_TOTP_SECRET)).not.toBe(sealed); // a fresh IV each time
    expect(openTotpSecret(sealed)).toBe(DEMO_TOTP_SECRET);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => openTotpSecret(tampered)).toThrow();
  });

  it("reads a recovery code whatever its case, spaces or dashes", () => {
    expect(normaliseRecoveryCode(" AbCdE-fGhJk ")).toBe("abcdefghjk");
  });
});
