// The SOAP 1.1 messages of PayFiP's PaiementSecuriseService (document/literal, JAX-WS): the
// operation's element in the service's namespace, its parameter `arg0` and the answer's `return`
// unqualified, the fields inside unqualified; a refusal is an HTTP 500 soap:Fault whose detail
// holds a FonctionnelleErreur (or a Tech…Erreur) with a code (P1, P5…), a libelle and a
// descriptif. Shapes read from Entr'ouvert's eopayment (payfip_ws.py) and the published WSDL.
// Pure (no I/O): the client (client.ts) and the stand-in (standin/) both speak through here.
import { XMLParser } from "fast-xml-parser";

export const PAYFIP_NAMESPACE =
  "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";
export const SOAP_ENVELOPE_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";

/** Where the service answers, its WSDL, and the payer's page, under PAYFIP_URL (https://www.payfip.gouv.fr). */
export const PAYFIP_PATHS = {
  service: "/tpa/services/securite",
  wsdl: "/tpa/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService",
  paymentPage: "/tpa/paiementws.web",
} as const;

export const FONCTIONNELLE_ERREUR = "fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur";
export const TECHNIQUE_ERREUR = "fr.gouv.finances.cp.tpa.webservice.exceptions.TechDysfonctionnementErreur";

export type CreerPaiementSecuriseArgs = {
  exer: string;
  mel: string;
  montant: string;
  numcli: string;
  objet: string;
  refdet: string;
  saisie: string;
  urlnotif: string;
  urlredirect: string;
};

/** recupererDetailPaiementSecurise's `return`: every field as PayFiP writes it (text). */
export type PaiementDetail = {
  dattrans: string;
  exer: string;
  heurtrans: string;
  idOp: string;
  mel: string;
  montant: string;
  numauto: string;
  numcli: string;
  objet: string;
  refdet: string;
  resultrans: string;
  saisie: string;
};

export const DETAIL_FIELDS: readonly (keyof PaiementDetail)[] = [
  "dattrans",
  "exer",
  "heurtrans",
  "idOp",
  "mel",
  "montant",
  "numauto",
  "numcli",
  "objet",
  "refdet",
  "resultrans",
  "saisie",
];

export const CREER_FIELDS: readonly (keyof CreerPaiementSecuriseArgs)[] = [
  "exer",
  "mel",
  "montant",
  "numcli",
  "objet",
  "refdet",
  "saisie",
  "urlnotif",
  "urlredirect",
];

export type SoapFault = {
  /** « FonctionnelleErreur » or the technical error's element name. */
  kind: "fonctionnelle" | "technique" | "soap";
  faultcode: string;
  faultstring: string;
  code: string | null;
  libelle: string | null;
  descriptif: string | null;
};

export function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function envelope(body: string, serviceNamespace = true): string {
  const ns = serviceNamespace ? ` xmlns:pai="${PAYFIP_NAMESPACE}"` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NAMESPACE}"${ns}><soapenv:Header/><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

function fields(values: Record<string, string>, names: readonly string[]): string {
  return names.map((name) => `<${name}>${escapeXml(values[name] ?? "")}</${name}>`).join("");
}

export function creerPaiementSecuriseRequest(args: CreerPaiementSecuriseArgs): string {
  return envelope(`<pai:creerPaiementSecurise><arg0>${fields(args, CREER_FIELDS)}</arg0></pai:creerPaiementSecurise>`);
}

export function recupererDetailPaiementSecuriseRequest(idOp: string): string {
  return envelope(
    `<pai:recupererDetailPaiementSecurise><arg0><idOp>${escapeXml(idOp)}</idOp></arg0></pai:recupererDetailPaiementSecurise>`,
  );
}

export function creerPaiementSecuriseResponse(idOp: string): string {
  return envelope(
    `<ns2:creerPaiementSecuriseResponse xmlns:ns2="${PAYFIP_NAMESPACE}"><return><idOp>${escapeXml(idOp)}</idOp></return></ns2:creerPaiementSecuriseResponse>`,
    false,
  );
}

export function recupererDetailPaiementSecuriseResponse(detail: PaiementDetail): string {
  return envelope(
    `<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2="${PAYFIP_NAMESPACE}"><return>${fields(detail, DETAIL_FIELDS)}</return></ns2:recupererDetailPaiementSecuriseResponse>`,
    false,
  );
}

/** The HTTP 500 body of a refusal: FonctionnelleErreur with its code, libelle, descriptif and severite. */
export function faultResponse(fault: { code: string; libelle: string; descriptif?: string; technical?: boolean }): string {
  const element = fault.technical ? "TechDysfonctionnementErreur" : "FonctionnelleErreur";
  return envelope(
    `<soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>${fault.technical ? TECHNIQUE_ERREUR : FONCTIONNELLE_ERREUR}</faultstring>` +
      `<detail><ns2:${element} xmlns:ns2="${PAYFIP_NAMESPACE}"><code>${escapeXml(fault.code)}</code>` +
      `<descriptif>${escapeXml(fault.descriptif ?? fault.libelle)}</descriptif><libelle>${escapeXml(fault.libelle)}</libelle>` +
      `<severite>2</severite></ns2:${element}></detail></soapenv:Fault>`,
    false,
  );
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

type XmlNode = Record<string, unknown>;

const asNode = (value: unknown): XmlNode | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as XmlNode) : null;
const asText = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

export class SoapParseError extends Error {}

/** The soap:Body's first element, by its local name, with its content. */
export function readBody(xml: string): { name: string; content: XmlNode } {
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new SoapParseError(`réponse SOAP illisible : ${error instanceof Error ? error.message : error}`);
  }
  const body = asNode(asNode(document.Envelope)?.Body);
  if (!body) throw new SoapParseError("réponse SOAP sans Envelope/Body");
  const name = Object.keys(body)[0];
  if (!name) throw new SoapParseError("réponse SOAP au corps vide");
  return { name, content: asNode(body[name]) ?? {} };
}

/** A soap:Fault's content → its parts, the FonctionnelleErreur's code when there is one. */
export function readFault(content: XmlNode): SoapFault {
  const faultstring = asText(content.faultstring);
  const detail = asNode(content.detail) ?? {};
  const errorName = Object.keys(detail).find((name) => name.endsWith("Erreur"));
  const error = errorName ? (asNode(detail[errorName]) ?? {}) : {};
  const kind = errorName === "FonctionnelleErreur" ? "fonctionnelle" : errorName ? "technique" : "soap";
  return {
    kind,
    faultcode: asText(content.faultcode),
    faultstring,
    code: asText(error.code) || null,
    libelle: asText(error.libelle) || null,
    descriptif: asText(error.descriptif) || null,
  };
}

/** The `return` of an operation's answer, its fields as text. */
export function readReturn(content: XmlNode, names: readonly string[]): Record<string, string> {
  const result = asNode(content.return) ?? {};
  return Object.fromEntries(names.map((name) => [name, asText(result[name])]));
}

/** An operation's request (what the stand-in receives): the operation's name and arg0's fields. */
export function readRequest(xml: string): { operation: string; arg0: Record<string, string> } {
  const { name, content } = readBody(xml);
  const arg0 = asNode(content.arg0) ?? {};
  return { operation: name, arg0: Object.fromEntries(Object.entries(arg0).map(([key, value]) => [key, asText(value)])) };
}
