import { AppError } from "@/lib/errors";

import {
  changedFieldLabels,
  savedOrStale,
  StaleSaveError,
  staleSaveMessage,
  staleSaveText,
  ZLoadedValues,
  ZRecordVersion,
} from "./record-version";

const LABELS = {
  name: "Nom de famille",
  city: "Ville",
  homePhone: "Téléphone domicile",
  allowanceHolder: "Titulaire",
  contacts: "Personnes à contacter",
};
const AT = new Date("2026-11-26T09:05:00Z"); // 10:05 in Paris

describe("the fields a refused save names as changed meanwhile", () => {
  it("names the fields whose stored value differs from the one the form was loaded with, in the labels' order", () => {
    const loaded = { name: "TEST", city: "RODEZ", homePhone: "05 65 11 22 33", allowanceHolder: null };
    const current = { name: "TEST", city: "ONET-LE-CHÂTEAU", homePhone: "05 65 99 88 77", allowanceHolder: "" };
    expect(changedFieldLabels(LABELS, loaded, current)).toEqual(["Ville", "Téléphone domicile"]);
  });

  it("treats an empty field as empty whatever its form (null, blank, missing), and ignores surrounding spaces", () => {
    expect(
      changedFieldLabels(LABELS, { homePhone: " ", allowanceHolder: null, city: " RODEZ " }, { homePhone: null, city: "RODEZ" }),
    ).toEqual([]);
  });

  it("ignores the capitals the save adds, only for the fields it stores in capitals", () => {
    expect(
      changedFieldLabels(LABELS, { name: "Test", city: "Rodez" }, { name: "TEST", city: "RODEZ" }, ["name", "city"]),
    ).toEqual([]);
    expect(changedFieldLabels(LABELS, { name: "Test", city: "Rodez" }, { name: "TEST", city: "RODEZ" }, ["name"])).toEqual([
      "Ville",
    ]);
  });

  it("compares lists of people row by row", () => {
    const jeanne = { name: "Jeanne TEST", relation: "Grand-mère", phone: "06 11 22 33 44" };
    expect(changedFieldLabels(LABELS, { contacts: [jeanne] }, { contacts: [{ ...jeanne, name: " Jeanne TEST " }] })).toEqual([]);
    expect(changedFieldLabels(LABELS, { contacts: [jeanne] }, { contacts: [jeanne, jeanne] })).toEqual(["Personnes à contacter"]);
  });

  it("only looks at the fields the reader's form had, and names none without them", () => {
    expect(
      changedFieldLabels(
        LABELS,
        { city: "RODEZ", doctorName: "Dr A" },
        { city: "RODEZ", homePhone: "05 65 99 88 77", doctorName: "Dr B" },
      ),
    ).toEqual([]);
    expect(changedFieldLabels(LABELS, undefined, { city: "RODEZ" })).toEqual([]);
  });
});

describe("the refusal's message", () => {
  it("says who changed the record or the sheet and when, in Paris time, and that what was typed is kept", () => {
    expect(staleSaveMessage("record", "staff", AT)).toBe(
      "Ce dossier a été modifié par un agent de la mairie le 26/11/2026 à 10:05 pendant que vous le complétiez. Vos saisies sont conservées dans le formulaire : vérifiez-les puis enregistrez à nouveau.",
    );
    expect(staleSaveMessage("sheet", "family", AT)).toBe(
      "Cette fiche a été modifiée par la famille le 26/11/2026 à 10:05 pendant que vous la complétiez. Vos saisies sont conservées dans le formulaire : vérifiez-les puis enregistrez à nouveau.",
    );
    expect(staleSaveMessage("record", "staff-and-family", AT)).toContain(
      "modifié par la famille et par un agent de la mairie le 26/11/2026",
    );
    expect(staleSaveMessage("record", null, AT)).toMatch(/^Ce dossier a été modifié le 26\/11\/2026 à 10:05 pendant/);
  });

  it("lists the changed fields in one text, or says none of the form's fields changed", () => {
    expect(staleSaveText({ message: "Modifié.", changedFields: ["Ville", "Régime"], version: 3 })).toBe(
      "Modifié. Rubriques modifiées entre-temps : Ville ; Régime.",
    );
    expect(staleSaveText({ message: "Modifié.", changedFields: [], version: 3 })).toBe(
      "Modifié. Aucune rubrique de ce formulaire n'a changé : la modification porte sur d'autres informations.",
    );
  });

  it("is an AppError the forms' actions turn into a refusal carrying the version to save on; other errors go on", async () => {
    const error = new StaleSaveError({
      message: "Modifié.",
      changedFields: ["Ville"],
      version: 4,
      changedBy: "staff",
      changedAt: AT,
    });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("STALE_VERSION");
    expect(await savedOrStale(async () => 5)).toEqual({ saved: true, version: 5 });
    expect(
      await savedOrStale(async () => {
        throw error;
      }),
    ).toEqual({ saved: false, stale: { message: "Modifié.", changedFields: ["Ville"], version: 4 } });
    await expect(
      savedOrStale(async () => {
        throw new AppError("NOT_FOUND", "Introuvable.");
      }),
    ).rejects.toThrow("Introuvable.");
  });
});

describe("the version and the values a form posts", () => {
  it("takes the version as a number or as a hidden field's text, and refuses anything else", () => {
    expect(ZRecordVersion.parse(3)).toBe(3);
    expect(ZRecordVersion.parse("3")).toBe(3);
    for (const bad of ["", "abc", 0, -1, 1.5, undefined]) expect(ZRecordVersion.safeParse(bad).success).toBe(false);
  });

  it("takes the loaded values as an object or as JSON text", () => {
    expect(ZLoadedValues.parse('{"city":"RODEZ","allowanceHolder":null}')).toEqual({ city: "RODEZ", allowanceHolder: null });
    expect(ZLoadedValues.parse({ contacts: [{ name: "A", relation: "B", phone: "C" }] })).toEqual({
      contacts: [{ name: "A", relation: "B", phone: "C" }],
    });
    expect(ZLoadedValues.parse(undefined)).toBeUndefined();
    expect(ZLoadedValues.safeParse("pas du JSON").success).toBe(false);
    expect(ZLoadedValues.safeParse({ city: { nested: true } }).success).toBe(false);
  });
});
