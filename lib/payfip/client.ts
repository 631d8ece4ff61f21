// PayFiP's web-service client (SOAP 1.1 over fetch, lib/payfip/soap.ts for the messages):
// creerPaiementSecurise → idOp, recupererDetailPaiementSecurise → the operation's detail. Every
// argument is checked against PayFiP's rules before the call; a refusal (HTTP 500 soap:Fault)
// becomes a PayfipError carrying PayFiP's code (P1 unknown or expired idOp, P5 result not known
// yet…); a call never waits longer than the configured timeout. The same code talks to the real
// service and to our stand-in: only PAYFIP_URL differs.
import type { PayfipConfig } from "./config";
import {
  creerPaiementSecuriseRequest,
  DETAIL_FIELDS,
  PAYFIP_PATHS,
  readBody,
  readFault,
  readReturn,
  recupererDetailPaiementSecuriseRequest,
  SoapParseError,
  type CreerPaiementSecuriseArgs,
  type PaiementDetail,
  type SoapFault,
} from "./soap";
import {
  isAbsoluteHttpUrl,
  isSaisie,
  isValidExer,
  isValidMel,
  isValidNumcli,
  isValidRefdet,
  montantText,
  normaliseObjet,
} from "./validation";

export type PayfipErrorKind =
  /** PayFiP answered with a soap:Fault (its code, e.g. P1 or P5, is in `code`). */
  | "fault"
  /** No answer in time, connection refused, or an HTTP status that is not SOAP. */
  | "unreachable"
  /** An answer we cannot read. */
  | "protocol"
  /** An argument PayFiP would refuse: not sent. */
  | "invalid";

export class PayfipError extends Error {
  constructor(
    readonly kind: PayfipErrorKind,
    message: string,
    readonly code: string | null = null,
    readonly fault: SoapFault | null = null,
  ) {
    super(message);
    this.name = "PayfipError";
  }
}

export const isPayfipFault = (error: unknown, code?: string): error is PayfipError =>
  error instanceof PayfipError && error.kind === "fault" && (code === undefined || error.code === code);

export type CreerPaiementInput = {
  exer: number;
  mel: string;
  montantCents: number;
  numcli: string;
  /** Free text: normalised to [A-Za-z0-9 ], at most 100. */
  objet: string;
  refdet: string;
  saisie: string;
  urlnotif: string;
  urlredirect: string;
};

/** Checks and normalises creerPaiementSecurise's arguments (throws PayfipError "invalid"). */
export function creerPaiementArgs(input: CreerPaiementInput): CreerPaiementSecuriseArgs {
  const invalid = (field: string, why: string) => new PayfipError("invalid", `${field} : ${why}`);
  if (!isValidExer(input.exer)) throw invalid("exer", "quatre chiffres attendus");
  if (!isValidMel(input.mel)) throw invalid("mel", "adresse e-mail de 6 à 80 caractères avec un @");
  if (!Number.isInteger(input.montantCents) || input.montantCents <= 0)
    throw invalid("montant", "un nombre entier de centimes positif");
  if (!isValidNumcli(input.numcli)) throw invalid("numcli", "six chiffres");
  if (!isValidRefdet(input.refdet)) throw invalid("refdet", "6 à 30 lettres ou chiffres");
  if (!isSaisie(input.saisie)) throw invalid("saisie", "T, X ou W");
  if (!isAbsoluteHttpUrl(input.urlnotif)) throw invalid("urlnotif", "adresse absolue http(s)");
  if (!isAbsoluteHttpUrl(input.urlredirect)) throw invalid("urlredirect", "adresse absolue http(s)");
  return {
    exer: String(input.exer),
    mel: input.mel,
    montant: montantText(input.montantCents),
    numcli: input.numcli,
    objet: normaliseObjet(input.objet),
    refdet: input.refdet,
    saisie: input.saisie,
    urlnotif: input.urlnotif,
    urlredirect: input.urlredirect,
  };
}

async function call(config: PayfipConfig, envelope: string, expected: string): Promise<Record<string, unknown>> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${config.baseUrl}${PAYFIP_PATHS.service}`, {
      method: "POST",
      headers: { "content-type": "text/xml; charset=utf-8", soapaction: '""', accept: "text/xml" },
      body: envelope,
      signal: AbortSignal.timeout(config.timeoutMs),
      cache: "no-store",
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new PayfipError(
      "unreachable",
      timedOut
        ? `PayFiP n'a pas répondu en ${config.timeoutMs / 1000} s`
        : `PayFiP injoignable : ${error instanceof Error ? error.message : error}`,
    );
  }
  let body: ReturnType<typeof readBody>;
  try {
    body = readBody(text);
  } catch (error) {
    if (!response.ok) throw new PayfipError("unreachable", `PayFiP a répondu HTTP ${response.status}`);
    throw new PayfipError("protocol", error instanceof SoapParseError ? error.message : String(error));
  }
  if (body.name === "Fault") {
    const fault = readFault(body.content);
    const label = fault.descriptif ?? fault.libelle ?? fault.faultstring;
    throw new PayfipError("fault", `PayFiP : ${fault.code ?? "?"} ${label}`.trim(), fault.code, fault);
  }
  if (!response.ok) throw new PayfipError("unreachable", `PayFiP a répondu HTTP ${response.status}`);
  if (body.name !== expected) throw new PayfipError("protocol", `réponse inattendue : ${body.name}`);
  return body.content;
}

/** creerPaiementSecurise: the operation's idOp (one per attempt). */
export async function creerPaiementSecurise(config: PayfipConfig, input: CreerPaiementInput): Promise<string> {
  const content = await call(config, creerPaiementSecuriseRequest(creerPaiementArgs(input)), "creerPaiementSecuriseResponse");
  const { idOp } = readReturn(content, ["idOp"]);
  if (!idOp) throw new PayfipError("protocol", "creerPaiementSecurise sans idOp");
  return idOp;
}

/** recupererDetailPaiementSecurise (capital O in idOp): the operation's result as PayFiP knows it. */
export async function recupererDetailPaiementSecurise(config: PayfipConfig, { idOp }: { idOp: string }): Promise<PaiementDetail> {
  if (!idOp.trim()) throw new PayfipError("invalid", "idOp vide");
  const content = await call(config, recupererDetailPaiementSecuriseRequest(idOp), "recupererDetailPaiementSecuriseResponse");
  return readReturn(content, DETAIL_FIELDS) as PaiementDetail;
}
