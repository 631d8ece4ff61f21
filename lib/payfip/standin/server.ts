// Our local stand-in of PayFiP (not a mock of our code: a small server that speaks PayFiP's
// protocol). It serves the WSDL and both operations of PaiementSecuriseService with PayFiP's
// validations and faults (P1 unknown idOp, P5 result not known while the payer has not chosen),
// the payer's page with three buttons, then — like PayFiP — posts the notification to urlnotif
// (options: none, once, twice, late; idop or idOp; in the body or the query string) and sends the
// browser back to urlredirect with a POST form carrying idop. Dev (npm run payfip:standin, started
// by npm run dev), the integration and the browser tests use it; the client code is the same.
//
// Codes other than P1 and P5 (the validation refusals) are the stand-in's own numbering: the
// portal never branches on them, it shows a French message for any refusal.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import {
  creerPaiementSecuriseResponse,
  faultResponse,
  PAYFIP_PATHS,
  readRequest,
  recupererDetailPaiementSecuriseResponse,
  type PaiementDetail,
} from "../soap";
import {
  isAbsoluteHttpUrl,
  isSaisie,
  isValidExer,
  isValidMel,
  isValidNumcli,
  isValidRefdet,
  normaliseObjet,
  parisWallClock,
} from "../validation";
import { paiementSecuriseServiceWsdl } from "./wsdl";

export type NotificationMode = "once" | "none" | "twice" | "late";

export type NotificationOptions = {
  mode: NotificationMode;
  /** "late": how long after the payer's choice (the browser is sent back first). */
  delayMs: number;
  /** The parameter's name: PayFiP's documentation says idOp, what arrives is often idop. */
  param: "idop" | "idOp";
  /** In the form body (PayFiP's POST) or in the query string. */
  place: "body" | "query";
};

export const DEFAULT_NOTIFICATION: NotificationOptions = { mode: "once", delayMs: 3_000, param: "idop", place: "body" };

export type StandinOperation = {
  idOp: string;
  createdAt: Date;
  request: Record<string, string>;
  /** P (card paid), R (card refused), A (abandoned); null while the payer has not chosen (P5). */
  resultrans: string | null;
  decidedAt: Date | null;
  numauto: string;
  /** Test hook: fields the detail answers instead of the recorded ones (a tampered amount…). */
  override: Partial<PaiementDetail>;
  notifications: number;
};

export type StandinFault = { code: string; libelle: string; technical?: boolean };

export type PayfipStandin = {
  url: string;
  port: number;
  operations: Map<string, StandinOperation>;
  notification: NotificationOptions;
  /** The payer's choice without a browser (what the page's buttons do), notification included. */
  decide(idOp: string, resultrans: "P" | "R" | "A", notification?: Partial<NotificationOptions>): Promise<void>;
  /** The next call of `operation` answers this fault (a test of how the portal takes a refusal). */
  failNext(operation: "creerPaiementSecurise" | "recupererDetailPaiementSecurise", fault: StandinFault): void;
  /** Notifications still to be posted (late ones), settled. */
  idle(): Promise<void>;
  close(): Promise<void>;
};

export type StandinOptions = {
  port?: number;
  host?: string;
  /** The address the stand-in gives in its WSDL (default http://<host>:<port>). */
  publicUrl?: string;
  notification?: Partial<NotificationOptions>;
  now?: () => Date;
  log?: (line: string) => void;
};

const RESULT_LABELS: Record<string, string> = { P: "Paiement accepté", R: "Carte refusée", A: "Paiement abandonné" };

const html = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function readBodyText(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 100_000) request.destroy(new Error("corps trop long"));
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** PayFiP's checks of creerPaiementSecurise's arguments: the first one broken is the refusal. */
export function creerPaiementRefusal(arg0: Record<string, string>): StandinFault | null {
  const montant = arg0.montant ?? "";
  if (!isValidNumcli(arg0.numcli ?? "")) return { code: "R1", libelle: "Le numéro de client (NUMCLI) est absent ou incorrect" };
  if (!isValidExer(arg0.exer ?? "")) return { code: "R2", libelle: "L'exercice (EXER) est absent ou incorrect" };
  if (!isValidRefdet(arg0.refdet ?? ""))
    return { code: "R3", libelle: "La référence de la dette (REFDET) est absente ou incorrecte" };
  if (!/^\d{1,8}$/.test(montant) || Number(montant) < 1)
    return { code: "R4", libelle: "Le montant (MONTANT) est absent ou incorrect" };
  if (!isValidMel(arg0.mel ?? "")) return { code: "R5", libelle: "L'adresse électronique (MEL) est absente ou incorrecte" };
  if ((arg0.objet ?? "") !== normaliseObjet(arg0.objet ?? ""))
    return { code: "R6", libelle: "L'objet (OBJET) contient des caractères interdits" };
  if (!isSaisie(arg0.saisie ?? "")) return { code: "R7", libelle: "Le type de saisie (SAISIE) est absent ou incorrect" };
  if (!isAbsoluteHttpUrl(arg0.urlnotif ?? "") || !isAbsoluteHttpUrl(arg0.urlredirect ?? ""))
    return { code: "R8", libelle: "Les adresses de retour (URLNOTIF, URLREDIRECT) sont absentes ou incorrectes" };
  return null;
}

export async function startPayfipStandin(options: StandinOptions = {}): Promise<PayfipStandin> {
  const host = options.host ?? "127.0.0.1";
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const operations = new Map<string, StandinOperation>();
  const pendingFaults = new Map<string, StandinFault>();
  const inFlight = new Set<Promise<unknown>>();
  const notification: NotificationOptions = { ...DEFAULT_NOTIFICATION, ...options.notification };
  let baseUrl = "";

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    promise.finally(() => inFlight.delete(promise)).catch(() => {});
    return promise;
  };

  const detailOf = (operation: StandinOperation): PaiementDetail => {
    const [day, time] = parisWallClock(operation.decidedAt ?? now()).split(" ");
    const request = operation.request;
    return {
      dattrans: day,
      exer: request.exer ?? "",
      heurtrans: time,
      idOp: operation.idOp,
      mel: request.mel ?? "",
      montant: request.montant ?? "",
      numauto: operation.resultrans === "P" ? operation.numauto : "",
      numcli: request.numcli ?? "",
      objet: request.objet ?? "",
      refdet: request.refdet ?? "",
      resultrans: operation.resultrans ?? "",
      saisie: request.saisie ?? "",
      ...operation.override,
    };
  };

  const postNotification = async (operation: StandinOperation, options: NotificationOptions) => {
    const target = new URL(operation.request.urlnotif);
    const form = new URLSearchParams();
    if (options.place === "query") target.searchParams.set(options.param, operation.idOp);
    else form.set(options.param, operation.idOp);
    operation.notifications += 1;
    try {
      const response = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer();
      log(`notification ${operation.idOp} → ${target.origin}${target.pathname} : HTTP ${response.status}`);
    } catch (error) {
      log(`notification ${operation.idOp} non délivrée : ${error instanceof Error ? error.message : error}`);
    }
  };

  const notify = async (operation: StandinOperation, options: NotificationOptions) => {
    if (options.mode === "none") return;
    if (options.mode === "late") {
      track(new Promise((resolve) => setTimeout(resolve, options.delayMs)).then(() => postNotification(operation, options)));
      return;
    }
    await track(postNotification(operation, options));
    if (options.mode === "twice") await track(postNotification(operation, options));
  };

  const decide = async (idOp: string, resultrans: "P" | "R" | "A", override?: Partial<NotificationOptions>) => {
    const operation = operations.get(idOp);
    if (!operation) throw new Error(`idOp inconnu : ${idOp}`);
    if (operation.resultrans) return; // PayFiP records one result per operation
    operation.resultrans = resultrans;
    operation.decidedAt = now();
    await notify(operation, { ...notification, ...override });
  };

  const soap = async (body: string, response: http.ServerResponse) => {
    const send = (status: number, xml: string) => {
      response.writeHead(status, { "content-type": "text/xml; charset=utf-8" });
      response.end(xml);
    };
    let request: ReturnType<typeof readRequest>;
    try {
      request = readRequest(body);
    } catch {
      return send(500, faultResponse({ code: "T1", libelle: "Message SOAP illisible", technical: true }));
    }
    const injected = pendingFaults.get(request.operation);
    if (injected) {
      pendingFaults.delete(request.operation);
      return send(500, faultResponse(injected));
    }
    if (request.operation === "creerPaiementSecurise") {
      const refusal = creerPaiementRefusal(request.arg0);
      if (refusal) return send(500, faultResponse(refusal));
      const idOp = randomBytes(16).toString("hex");
      operations.set(idOp, {
        idOp,
        createdAt: now(),
        request: request.arg0,
        resultrans: null,
        decidedAt: null,
        numauto: String(100000 + (randomBytes(3).readUIntBE(0, 3) % 900000)),
        override: {},
        notifications: 0,
      });
      log(`creerPaiementSecurise ${request.arg0.refdet} ${request.arg0.montant} → ${idOp}`);
      return send(200, creerPaiementSecuriseResponse(idOp));
    }
    if (request.operation === "recupererDetailPaiementSecurise") {
      const operation = operations.get(request.arg0.idOp ?? "");
      if (!operation) return send(500, faultResponse({ code: "P1", libelle: "IdOp incorrect" }));
      if (!operation.resultrans) return send(500, faultResponse({ code: "P5", libelle: "Résultat de la transaction non connu" }));
      return send(200, recupererDetailPaiementSecuriseResponse(detailOf(operation)));
    }
    return send(500, faultResponse({ code: "T2", libelle: `Opération inconnue : ${request.operation}`, technical: true }));
  };

  const page = (response: http.ServerResponse, status: number, title: string, content: string) => {
    response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)} — PayFiP (simulateur local)</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#161616}
button{font:inherit;padding:.75rem 1rem;margin:.25rem 0;width:100%;border-radius:.25rem;border:2px solid #000091;background:#fff;color:#000091;cursor:pointer}
button.primary{background:#000091;color:#fff}button:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
.note{background:#fff4d6;padding:.5rem 1rem;border-left:4px solid #b34000}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}</style>
</head><body><main><p class="note">Simulateur local de PayFiP : aucun paiement réel n'a lieu.</p>${content}</main></body></html>`);
  };

  const paymentPage = (url: URL, response: http.ServerResponse) => {
    const idOp = url.searchParams.get("idop") ?? url.searchParams.get("idOp") ?? "";
    const operation = operations.get(idOp);
    if (!operation) return page(response, 404, "Opération inconnue", "<h1>Opération inconnue ou expirée</h1>");
    if (operation.resultrans) {
      return page(
        response,
        200,
        "Opération terminée",
        `<h1>Opération déjà terminée</h1><p>${html(RESULT_LABELS[operation.resultrans] ?? operation.resultrans)}</p>`,
      );
    }
    const amount = (Number(operation.request.montant) / 100).toFixed(2).replace(".", ",");
    const passOn = ["notification", "delay", "param", "place"]
      .map(
        (name) =>
          url.searchParams.get(name) && `<input type="hidden" name="${name}" value="${html(url.searchParams.get(name) ?? "")}">`,
      )
      .filter(Boolean)
      .join("");
    page(
      response,
      200,
      "Paiement",
      `<h1>Paiement sécurisé</h1><dl><dt>Référence</dt><dd>${html(operation.request.refdet)}</dd><dt>Objet</dt><dd>${html(operation.request.objet || "—")}</dd>
<dt>Montant</dt><dd>${amount} €</dd><dt>E-mail</dt><dd>${html(operation.request.mel)}</dd></dl>
<form method="post" action="${PAYFIP_PATHS.paymentPage}"><input type="hidden" name="idop" value="${html(idOp)}">${passOn}
<button class="primary" type="submit" name="choix" value="P">Payer (carte acceptée)</button>
<button type="submit" name="choix" value="R">Carte refusée</button>
<button type="submit" name="choix" value="A">Abandonner</button></form>`,
    );
  };

  const choice = async (body: string, response: http.ServerResponse) => {
    const form = new URLSearchParams(body);
    const idOp = form.get("idop") ?? "";
    const choix = form.get("choix");
    const operation = operations.get(idOp);
    if (!operation || (choix !== "P" && choix !== "R" && choix !== "A")) {
      return page(response, 404, "Opération inconnue", "<h1>Opération inconnue ou expirée</h1>");
    }
    const mode = form.get("notification");
    const override: Partial<NotificationOptions> = {
      ...(mode === "once" || mode === "none" || mode === "twice" || mode === "late" ? { mode } : {}),
      ...(form.get("delay") && Number.isFinite(Number(form.get("delay"))) ? { delayMs: Number(form.get("delay")) } : {}),
      ...(form.get("param") === "idOp" || form.get("param") === "idop" ? { param: form.get("param") as "idop" | "idOp" } : {}),
      ...(form.get("place") === "query" || form.get("place") === "body" ? { place: form.get("place") as "body" | "query" } : {}),
    };
    await decide(idOp, choix, override);
    // Like PayFiP: the browser goes back to urlredirect with a POST form carrying idop.
    page(
      response,
      200,
      RESULT_LABELS[choix],
      `<h1>${html(RESULT_LABELS[choix])}</h1><form id="retour" method="post" action="${html(operation.request.urlredirect)}">
<input type="hidden" name="idop" value="${html(idOp)}"><button class="primary" type="submit">Retourner sur le portail</button></form>
<script>document.getElementById("retour").submit()</script>`,
    );
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://standin");
    const handle = async () => {
      if (url.pathname === "/health") {
        response.writeHead(200, { "content-type": "text/plain" });
        return void response.end("ok");
      }
      if (request.method === "GET" && (url.pathname === PAYFIP_PATHS.wsdl || url.pathname === PAYFIP_PATHS.service)) {
        response.writeHead(200, { "content-type": "text/xml; charset=utf-8" });
        return void response.end(paiementSecuriseServiceWsdl(baseUrl));
      }
      if (request.method === "POST" && url.pathname === PAYFIP_PATHS.service) return soap(await readBodyText(request), response);
      if (request.method === "GET" && url.pathname === PAYFIP_PATHS.paymentPage) return paymentPage(url, response);
      if (request.method === "POST" && url.pathname === PAYFIP_PATHS.paymentPage)
        return choice(await readBodyText(request), response);
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end("Introuvable");
    };
    handle().catch((error) => {
      log(`erreur : ${error instanceof Error ? error.message : error}`);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = (options.publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, "");

  return {
    url: baseUrl,
    port,
    operations,
    notification,
    decide,
    failNext: (operation, fault) => void pendingFaults.set(operation, fault),
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
