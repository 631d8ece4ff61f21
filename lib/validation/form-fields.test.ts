import { z } from "zod";

import {
  blankToNull,
  checkbox,
  list,
  optionalId,
  optionalInt,
  optionalNamedText,
  optionalText,
  requiredNamedText,
  requiredText,
} from "./form-fields";

const messages = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("form field rules", () => {
  it("reads an optional text left empty, absent or null as the empty string, trimmed", () => {
    for (const empty of ["", "   ", undefined, null]) expect(optionalText(20).parse(empty)).toBe("");
    expect(optionalText(20).parse("  Rodez ")).toBe("Rodez");
  });

  it("parses its own output again unchanged, as the action does with what the browser checked", () => {
    const once = optionalText(20).parse("  ");
    expect(optionalText(20).parse(once)).toBe(once);
  });

  it("turns an empty field into NULL only through blankToNull, for a nullable column", () => {
    expect(blankToNull("")).toBeNull();
    expect(blankToNull("  ")).toBeNull();
    expect(blankToNull(undefined)).toBeNull();
    expect(blankToNull(null)).toBeNull();
    expect(blankToNull(" 12 rue ")).toBe("12 rue");
    expect(optionalNamedText("L'adresse", 300).transform(blankToNull).parse("")).toBeNull();
  });

  it("refuses an empty required text with the form's message, and a too long one", () => {
    expect(messages(requiredText("La ville est obligatoire."), "  ")).toEqual(["La ville est obligatoire."]);
    expect(messages(requiredText("La ville est obligatoire."), undefined)).toEqual(["La ville est obligatoire."]);
    expect(messages(requiredText("La ville est obligatoire.", 5), "Rodez-Onet")).toEqual([
      "Ce champ ne peut pas dépasser 5 caractères.",
    ]);
    expect(messages(optionalText(3), "abcd")).toEqual(["Ce champ ne peut pas dépasser 3 caractères."]);
  });

  it("names the field in the messages of the named variants", () => {
    expect(messages(requiredNamedText("Le nom de l'activité", 120), "")).toEqual(["Le nom de l'activité est obligatoire."]);
    expect(messages(requiredNamedText("Le code", 4), "ABCDE")).toEqual(["Le code ne peut pas dépasser 4 caractères."]);
    expect(messages(optionalNamedText("L'adresse", 3), "abcd")).toEqual(["L'adresse ne peut pas dépasser 3 caractères."]);
  });

  it("reads a checkbox as ticked only when posted", () => {
    expect(checkbox.parse("on")).toBe(true);
    expect(checkbox.parse(undefined)).toBe(false);
    expect(checkbox.parse("false")).toBe(false);
  });

  it("reads a checkbox group's ticked boxes as a list: several, one, none, or comma-joined from code", () => {
    const days = list(z.coerce.number());
    expect(days.parse(["1", "2", "4"])).toEqual([1, 2, 4]);
    expect(days.parse("5")).toEqual([5]);
    expect(days.parse(undefined)).toEqual([]);
    expect(days.parse("1, 2,,4")).toEqual([1, 2, 4]);
  });

  it("reads an empty number or id as null (they are not texts)", () => {
    expect(optionalInt("L'âge minimum", 0, 25).parse("")).toBeNull();
    expect(optionalInt("L'âge minimum", 0, 25).parse(" 7 ")).toBe(7);
    expect(messages(optionalInt("L'âge minimum", 0, 25), "30")).toEqual(["L'âge minimum doit être compris entre 0 et 25."]);
    expect(optionalId("École introuvable.").parse("")).toBeNull();
    expect(messages(optionalId("École introuvable."), "nope")).toEqual(["École introuvable."]);
  });
});
