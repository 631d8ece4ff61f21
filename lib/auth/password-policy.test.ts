import { isCommonPassword, ZChoosePasswordSchema, ZNewPasswordSchema } from "./password-policy";

describe("password policy", () => {
  it("accepts 12 to 128 characters of anything, spaces and accents included", () => {
    expect(ZNewPasswordSchema.safeParse("une phrase à retenir").success).toBe(true);
    expect(ZNewPasswordSchema.safeParse("a".repeat(11) + "é").success).toBe(true);
    expect(ZNewPasswordSchema.safeParse("x".repeat(128)).success).toBe(true);
  });

  it("refuses too short and too long passwords with French messages", () => {
    const short = ZNewPasswordSchema.safeParse("court");
    expect(short.success).toBe(false);
    expect(short.error?.issues[0].message).toBe("Le mot de passe doit comporter au moins 12 caractères.");
    expect(ZNewPasswordSchema.safeParse("x".repeat(129)).error?.issues[0].message).toBe(
      "Le mot de passe ne peut pas dépasser 128 caractères.",
    );
  });

  it("refuses the most common passwords, whatever their case", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("1qaz2wsx3edc")).toBe(true);
    expect(isCommonPassword("1QAZ2WSX3EDC")).toBe(true);
    const common = ZNewPasswordSchema.safeParse("q1w2e3r4t5y6");
    expect(common.error?.issues[0].message).toBe(
      "Ce mot de passe fait partie des mots de passe les plus courants : choisissez-en un autre.",
    );
    expect(isCommonPassword("portail-demo-2026")).toBe(false);
  });

  it("requires the confirmation to match", () => {
    const result = ZChoosePasswordSchema.safeParse({ password: "une phrase à retenir", confirmation: "une autre phrase" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["confirmation"],
      message: "Les deux mots de passe ne sont pas identiques.",
    });
  });
});
