import { creerPaiementArgs, PayfipError } from "./client";
import { callbackUrls, payfipConfigFromEnv, paymentPageUrl } from "./config";
import {
  creerPaiementSecuriseRequest,
  DETAIL_FIELDS,
  faultResponse,
  PAYFIP_NAMESPACE,
  readBody,
  readFault,
  readRequest,
  readReturn,
  recupererDetailPaiementSecuriseResponse,
} from "./soap";
import { isValidMel, isValidRefdet, montantText, normaliseObjet, parisTransactionInstant, parseMontant } from "./validation";

const input = {
  exer: 2026,
  mel: "parent@exemple.fr",
  montantCents: 1400,
  numcli: "012345",
  objet: "Facture F-PERI-2026-000001 — novembre 2026 (cantine, étude & garderie)",
  refdet: "FPERI2026000001",
  saisie: "T",
  urlnotif: "https://portail.exemple.fr/api/payfip/notification",
  urlredirect: "https://portail.exemple.fr/api/payfip/retour",
};

describe("PayFiP field rules", () => {
  it("normalises objet to [A-Za-z0-9 ], accents stripped, at most 100", () => {
    expect(normaliseObjet("Facture F-PERI-2026-000001 — décembre 2026 (cantine & étude)")).toBe(
      "Facture F PERI 2026 000001 decembre 2026 cantine etude",
    );
    expect(normaliseObjet("Œuvre l'été ça")).toBe("OEuvre l ete ca");
    expect(normaliseObjet("a".repeat(150))).toHaveLength(100);
  });
  it("writes the amount in cents as digits and reads it back", () => {
    expect(montantText(1400)).toBe("1400");
    expect(() => montantText(0)).toThrow();
    expect(() => montantText(14.5)).toThrow();
    expect(parseMontant("1400")).toBe(1400);
    expect(parseMontant("14,00")).toBeNull();
  });
  it("checks refdet (6–30 letters and digits) and mel (6–80 with @)", () => {
    expect(isValidRefdet("FPERI2026000001")).toBe(true);
    expect(isValidRefdet("F-PERI")).toBe(false);
    expect(isValidRefdet("ABC12")).toBe(false);
    expect(isValidRefdet("A".repeat(31))).toBe(false);
    expect(isValidMel("a@b.fr")).toBe(true);
    expect(isValidMel("a@b.f")).toBe(false);
    expect(isValidMel("pas-une-adresse")).toBe(false);
    expect(isValidMel(`${"a".repeat(76)}@b.fr`)).toBe(false);
    expect(isValidMel(`${"a".repeat(75)}@b.fr`)).toBe(true);
  });
  it("reads dattrans DDMMYYYY and heurtrans HHMM as Paris time, winter and summer", () => {
    expect(parisTransactionInstant("26112026", "1430")?.toISOString()).toBe("2026-11-26T13:30:00.000Z");
    expect(parisTransactionInstant("15072026", "0905")?.toISOString()).toBe("2026-07-15T07:05:00.000Z");
    expect(parisTransactionInstant("2611202", "1430")).toBeNull();
    expect(parisTransactionInstant("26132026", "1430")).toBeNull();
  });
  it("refuses arguments PayFiP would refuse, before any call", () => {
    expect(creerPaiementArgs(input)).toMatchObject({
      montant: "1400",
      exer: "2026",
      objet: "Facture F PERI 2026 000001 novembre 2026 cantine etude garderie",
    });
    for (const broken of [
      { mel: "x@y" },
      { refdet: "F-1" },
      { numcli: "12345" },
      { saisie: "Z" },
      { urlnotif: "/api/payfip/notification" },
      { montantCents: 0 },
    ]) {
      expect(() => creerPaiementArgs({ ...input, ...broken })).toThrow(PayfipError);
    }
  });
  it("takes its configuration from the environment: the stand-in and T outside production", () => {
    expect(payfipConfigFromEnv({ NODE_ENV: "development" })).toEqual({
      baseUrl: "http://127.0.0.1:4510",
      saisie: "T",
      timeoutMs: 10_000,
    });
    expect(payfipConfigFromEnv({ NODE_ENV: "production" })).toMatchObject({ baseUrl: "https://www.payfip.gouv.fr", saisie: "W" });
    expect(payfipConfigFromEnv({ PAYFIP_URL: "https://payfip.test/", PAYFIP_SAISIE: "X" })).toMatchObject({
      baseUrl: "https://payfip.test",
      saisie: "X",
    });
    expect(() => payfipConfigFromEnv({ PAYFIP_SAISIE: "M" })).toThrow("PAYFIP_SAISIE");
    expect(paymentPageUrl({ baseUrl: "https://www.payfip.gouv.fr" }, "abc")).toBe(
      "https://www.payfip.gouv.fr/tpa/paiementws.web?idop=abc",
    );
    expect(callbackUrls("https://portail.fr/")).toEqual({
      urlnotif: "https://portail.fr/api/payfip/notification",
      urlredirect: "https://portail.fr/api/payfip/retour",
    });
  });
});

describe("PayFiP SOAP messages", () => {
  it("builds creerPaiementSecurise as document/literal: the operation in the service's namespace, arg0 and its fields unqualified, escaped", () => {
    const xml = creerPaiementSecuriseRequest({ ...creerPaiementArgs(input), mel: "a&b@exemple.fr" });
    expect(xml).toContain(`xmlns:pai="${PAYFIP_NAMESPACE}"`);
    expect(xml).toMatch(
      /<pai:creerPaiementSecurise><arg0><exer>2026<\/exer><mel>a&amp;b@exemple.fr<\/mel><montant>1400<\/montant>/,
    );
    expect(readRequest(xml)).toEqual({
      operation: "creerPaiementSecurise",
      arg0: expect.objectContaining({ mel: "a&b@exemple.fr", refdet: "FPERI2026000001" }),
    });
  });
  it("reads a detail answer, whatever the prefixes", () => {
    const detail = Object.fromEntries(DETAIL_FIELDS.map((name) => [name, `v-${name}`])) as never;
    const { name, content } = readBody(recupererDetailPaiementSecuriseResponse(detail));
    expect(name).toBe("recupererDetailPaiementSecuriseResponse");
    expect(readReturn(content, ["resultrans", "montant"])).toEqual({ resultrans: "v-resultrans", montant: "v-montant" });
    const other = `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns3:recupererDetailPaiementSecuriseResponse xmlns:ns3="${PAYFIP_NAMESPACE}"><return><resultrans>P</resultrans><montant>1400</montant></return></ns3:recupererDetailPaiementSecuriseResponse></S:Body></S:Envelope>`;
    expect(readReturn(readBody(other).content, ["resultrans", "montant"])).toEqual({ resultrans: "P", montant: "1400" });
  });
  it("reads a fault's FonctionnelleErreur code (P5) and a technical error", () => {
    const p5 = readBody(faultResponse({ code: "P5", libelle: "Résultat de la transaction non connu" }));
    expect(p5.name).toBe("Fault");
    expect(readFault(p5.content)).toMatchObject({
      kind: "fonctionnelle",
      code: "P5",
      libelle: "Résultat de la transaction non connu",
    });
    const tech = readBody(faultResponse({ code: "T1", libelle: "Indisponible", technical: true }));
    expect(readFault(tech.content)).toMatchObject({ kind: "technique", code: "T1" });
  });
});
