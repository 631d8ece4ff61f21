// `npm run scan`: a web vulnerability scan of the production build with wapiti (Debian package),
// signed in as the demo parent and as the demo agent. Not part of `npm test` (it takes minutes).
//
// 1. installs wapiti if missing, builds the portal (`--no-build` skips it);
// 2. starts it as in production (`next start`, NODE_ENV=production) on 127.0.0.1, on a fresh
//    PostgreSQL database portail_scan_<random> with the demo town and an SMTP sink on localhost,
//    behind a pass-through proxy that refuses « Se déconnecter » (the sessions must survive);
// 3. signs each identity in through Chromium (playwright-core), second factor included when the
//    portal asks for it, and hands its cookies to wapiti;
// 4. runs wapiti with every module that needs nothing outside this machine, for a bounded time;
// 5. prints the findings per category, the errors the server logged, and exits 1 on any
//    vulnerability (less the few accepted below, with their reason), HTTP 500 or server error.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

import type { Page } from "playwright-core";
import { SMTPServer } from "smtp-server";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed";

import { serverActions } from "../tests/e2e/build-manifest";
import { launchChromium } from "../tests/helpers/chromium";
import { freePort } from "../tests/helpers/free-port";
import { createPostgresDatabase } from "../tests/helpers/postgres-database";
import { CHROMIUM_PATH } from "../tests/helpers/probe-services.mjs";
import { stopProcessGroup } from "../tests/helpers/process-group";

const root = path.resolve(__dirname, "..");

// wapiti 3.0.4's modules, less those that need the outside world: ssrf and xxe call back to an
// endpoint on the Internet (wapiti3.ovh), nikto and wapp download their databases from GitHub.
const MODULES = [
  "backup",
  "blindsql",
  "brute_login_form",
  "buster",
  "cookieflags",
  "crlf",
  "csp",
  "csrf",
  "exec",
  "file",
  "htaccess",
  "http_headers",
  "methods",
  "permanentxss",
  "redirect",
  "shellshock",
  "sql",
  "xss",
];
// Bounds per identity: crawl for at most CRAWL_SECONDS, then each module for ATTACK_SECONDS.
const CRAWL_SECONDS = Number(process.env.SCAN_CRAWL_SECONDS ?? 60);
const ATTACK_SECONDS = Number(process.env.SCAN_ATTACK_SECONDS ?? 30);

// Findings that are the scan's setting or wapiti's blind spot, not the portal's, each with its
// reason. They are listed in the summary and do not fail the scan; the CSRF one only when the
// scan's own probe (crossSiteLogout) confirmed the defence it relies on.
type AcceptedRule = { category: string; info: RegExp; reason: string; needsCsrfProbe?: boolean };
const ACCEPTED: AcceptedRule[] = [
  {
    category: "Cross Site Request Forgery",
    info: /^Lack of anti CSRF token$/,
    reason:
      "formulaires d'actions serveur Next.js, sans jeton par conception : Next.js refuse une action venue d'une autre origine et le cookie de session est SameSite=Lax (sonde du scan)",
    needsCsrfProbe: true,
  },
  {
    category: "HTTP Secure Headers",
    info: /X-XSS-Protection/,
    reason: "en-tête obsolète, volontairement absent : les navigateurs ont retiré ce filtre ; la CSP à nonce protège",
  },
  {
    category: "Secure Flag cookie",
    info: /./,
    reason: "le scan passe par http://127.0.0.1 ; derrière HTTPS (NEXTAUTH_URL en https) les cookies de session sont Secure",
  },
];

// Debian's wapiti 3.0.4 cannot compile an --exclude pattern on Python 3.11 ("global flags not at
// the start of the expression": it appends "(?ms)" to the regex). Run it with that one function
// mended; an other version of wapiti runs as it is.
const WAPITI_LAUNCHER = `
import re, sys
try:
    import wapitiCore.net.crawler as crawler
    if hasattr(crawler, "wildcard_translate"):
        crawler.wildcard_translate = lambda pattern: re.compile(
            "(?ms)" + "".join(".*" if char == "*" else re.escape(char) for char in pattern) + r"\\Z")
    from wapitiCore.main.wapiti import wapiti_main
except ImportError:
    import runpy, shutil
    sys.argv = ["wapiti", *sys.argv[1:]]
    runpy.run_path(shutil.which("wapiti"), run_name="__main__")
    sys.exit(0)
sys.argv = ["wapiti", *sys.argv[1:]]
sys.exit(wapiti_main())
`;

type Identity = { name: string; email: string; start: string };
const IDENTITIES: Identity[] = [
  { name: "parent", email: DEMO_ACCOUNTS.parent, start: "/espace" },
  { name: "agent", email: DEMO_ACCOUNTS.agent, start: "/admin" },
];

type ServerError = { message: string; where: string; count: number };
type ScanResult = { identity: Identity; report: Report; sessionAlive: boolean; serverErrors: ServerError[] };
type Finding = { method: string; path: string; info: string; parameter: string; http_request?: string };
type Report = { vulnerabilities: Record<string, Finding[]>; anomalies: Record<string, Finding[]> };

const cleanups: (() => Promise<void> | void)[] = [];

async function main() {
  const build = !process.argv.includes("--no-build");
  ensureWapiti();
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium introuvable (${CHROMIUM_PATH}) : apt-get install -y chromium`);
  if (build) run("npx", ["next", "build"], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portail-scan-"));
  console.log(`Dossier de travail (rapports, journal du serveur) : ${work}`);
  const portal = await startPortal(work);
  cleanups.push(() => portal.stop());

  // Sign everybody in first: the brute-force module's attempts may throttle further logins.
  const cookieFiles = new Map<string, string>();
  const sameSite = new Map<string, string | undefined>();
  for (const identity of IDENTITIES) {
    const file = path.join(work, `cookies-${identity.name}.json`);
    const { jar, sessionSameSite } = await signIn(portal, identity);
    fs.writeFileSync(file, JSON.stringify(jar, null, 2));
    cookieFiles.set(identity.name, file);
    sameSite.set(identity.name, sessionSameSite);
  }

  const results: ScanResult[] = [];
  for (const identity of IDENTITIES) {
    console.log(`\n== wapiti, connecté comme ${identity.name} (${identity.email})`);
    const logStart = fs.statSync(portal.logPath).size;
    const report = await scan(portal.baseUrl, identity, cookieFiles.get(identity.name)!, work);
    const sessionAlive = await stillSignedIn(portal.baseUrl, identity, cookieFiles.get(identity.name)!);
    results.push({ identity, report, sessionAlive, serverErrors: serverErrors(readFrom(portal.logPath, logStart)) });
  }
  console.log(`\nDéconnexions écartées par le proxy du scan : ${portal.gate.refused}`);

  // wapiti flags every form without a token field; server actions have none by design. Check the
  // defence they rely on instead: « Se déconnecter » posted from another origin with the session
  // cookie must leave the session open, the same post from the portal's origin must end it.
  const crossSite = await Promise.all(
    IDENTITIES.map((identity) => crossSiteLogout(portal, identity, cookieFiles.get(identity.name)!, "http://attaquant.example")),
  );
  const sameOrigin = await crossSiteLogout(portal, IDENTITIES[0], cookieFiles.get(IDENTITIES[0].name)!, portal.innerUrl);
  const lax = IDENTITIES.every((identity) => ["Lax", "Strict"].includes(sameSite.get(identity.name) ?? ""));
  csrfProbePassed = crossSite.every((signedIn) => signedIn) && !sameOrigin && lax;
  console.log(
    `Sonde CSRF : déconnexion postée depuis une autre origine ${crossSite.every(Boolean) ? "refusée" : "ACCEPTÉE"}, ` +
      `depuis l'origine du portail ${sameOrigin ? "SANS EFFET (sonde non concluante)" : "acceptée"}, ` +
      `cookie de session SameSite=${IDENTITIES.map((identity) => sameSite.get(identity.name)).join("/")}`,
  );

  const failed = summarise(results, portal.logPath);
  console.log(`\nRapports wapiti et journal du serveur : ${work}`);
  return failed ? 1 : 0;
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} a échoué (code ${result.status})`);
}

function ensureWapiti() {
  if (spawnSync("wapiti", ["--version"], { stdio: "ignore" }).status === 0) return;
  console.log("wapiti absent : installation du paquet Debian…");
  const asRoot = (args: string[]) => (process.getuid?.() === 0 ? args : ["sudo", ...args]);
  const apt = (...args: string[]) => {
    const [command, ...rest] = asRoot(["apt-get", ...args]);
    return spawnSync(command, rest, { stdio: "inherit" }).status === 0;
  };
  if (!apt("install", "-y", "wapiti") && !(apt("update") && apt("install", "-y", "wapiti"))) {
    throw new Error("impossible d'installer wapiti (apt-get install -y wapiti)");
  }
}

/** The Python that runs wapiti (its script's #! line): the one where wapitiCore is installed. */
function wapitiPython(): string {
  const script = spawnSync("sh", ["-c", "command -v wapiti"], { encoding: "utf8" }).stdout.trim();
  const shebang = script ? fs.readFileSync(script, "utf8").split("\n", 1)[0] : "";
  return shebang.match(/^#!\s*(\S+python3?\S*)$/)?.[1] ?? "python3";
}

/** A mail sink: production refuses to run without SMTP, and the scan submits forms that send mail. */
async function startSmtpSink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("end", () => callback());
      stream.resume();
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The server action behind « Se déconnecter » (a form in every page's header), from the build. */
function logoutActionId(): string {
  const action = serverActions().find((entry) => entry.name === "logoutAction" && entry.file.startsWith("app/"));
  if (!action)
    throw new Error(
      "action logoutAction introuvable dans .next/server/server-reference-manifest.json : le scan se déconnecterait",
    );
  return action.id;
}

type ScanGate = { url: string; refused: number; close(): Promise<void> };

/**
 * A pass-through proxy on 127.0.0.1 that refuses to sign out: the logout form is a server action
 * posted to the page's own address, so wapiti's --exclude (by URL) cannot leave it out.
 */
async function startScanGate(targetPort: number, refusedActionIds: string[]): Promise<ScanGate> {
  const gate: ScanGate = { url: "", refused: 0, close: async () => {} };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const text = body.toString("latin1");
      const signsOut =
        (request.url ?? "").startsWith("/api/auth/signout") ||
        refusedActionIds.some(
          (id) => request.headers["next-action"] === id || text.includes(`$ACTION_ID_${id}`) || text.includes(`"${id}"`),
        );
      if (signsOut) {
        gate.refused += 1;
        response.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Déconnexion écartée du scan");
        return;
      }
      const upstream = http.request(
        { host: "127.0.0.1", port: targetPort, method: request.method, path: request.url, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
          answer.pipe(response);
        },
      );
      upstream.on("error", () => response.headersSent || response.writeHead(502).end());
      upstream.end(body);
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  gate.url = `http://127.0.0.1:${port}`;
  gate.close = () => new Promise((resolve) => server.close(() => resolve()));
  return gate;
}

type Portal = {
  /** The gate's address: what the browser and wapiti use. */
  baseUrl: string;
  /** Next.js itself, behind the gate. */
  innerUrl: string;
  env: NodeJS.ProcessEnv;
  logPath: string;
  gate: ScanGate;
  stop(): Promise<void>;
};

async function startPortal(work: string): Promise<Portal> {
  const { url: databaseUrl, drop: dropDatabase } = await createPostgresDatabase({ prefix: "portail_scan" });
  const smtp = await startSmtpSink();
  const port = await freePort();
  // Everybody — Chromium, wapiti — goes through the gate; Next.js listens behind it.
  const gate = await startScanGate(port, [logoutActionId()]);
  const baseUrl = gate.url;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    STORAGE_DIR: path.join(work, "storage"),
    SMTP_URL: smtp.url,
    MAIL_FROM: "Portail Familles <no-reply@portail.test>",
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    NEXTAUTH_URL: baseUrl,
  };
  delete env.PGLITE_DIR;
  delete env.UPLOADTHING_TOKEN;

  // Migrations and the demo town (the seed refuses NODE_ENV=production, as in tests/e2e/portal.ts).
  run(path.join(root, "node_modules/.bin/tsx"), ["scripts/seed.ts"], {
    cwd: root,
    env: { ...env, NODE_ENV: "test", DEMO_DATA: "1" },
  });

  const logPath = path.join(work, "next.log");
  const log = fs.openSync(logPath, "a");
  const child: ChildProcess = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  const stop = async () => {
    await stopProcessGroup(child);
    fs.closeSync(log);
    await gate.close();
    await smtp.close();
    if (process.env.SCAN_KEEP_DATABASE === "1") console.log(`Base conservée : ${databaseUrl}`);
    else await dropDatabase();
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok)
        return { baseUrl, innerUrl: `http://127.0.0.1:${port}`, env, logPath, gate, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`le portail n'a pas démarré sur ${baseUrl} :\n${fs.readFileSync(logPath, "utf8")}`);
}

/** Signs in through the login form, as a person would; returns the cookies in wapiti's JSON format. */
async function signIn(portal: Portal, identity: Identity) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL: portal.baseUrl, locale: "fr-FR", timezoneId: "Europe/Paris" });
    const page = await context.newPage();
    await page.goto("/connexion");
    await page.getByLabel("Identifiant").fill(identity.email);
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /Connexion/ }).click();
    if ((await afterLogin(page, identity.start)) === "code") {
      // Staff's second factor: the demo account's current code (the lead's `npm run demo:totp`).
      const totp = spawnSync("npm", ["run", "-s", "demo:totp", "--", identity.email], {
        cwd: root,
        env: portal.env,
        encoding: "utf8",
      });
      const code = totp.stdout.trim().split(/\s+/).pop() ?? "";
      if (totp.status !== 0 || !/^\d{6,8}$/.test(code))
        throw new Error(`npm run demo:totp -- ${identity.email} n'a pas donné de code : ${totp.stderr || totp.stdout}`);
      await page.getByLabel("Code de vérification").fill(code);
      await page.getByRole("button", { name: "Vérifier" }).click();
      await afterLogin(page, identity.start, { codeGiven: true });
    }
    const cookies = await context.cookies(portal.baseUrl);
    console.log(`${identity.name} connecté (${cookies.map((cookie) => cookie.name).join(", ")})`);
    // wapiti's cookie file: { domain: { path: { name: { value, expires, secure, port, version } } } }.
    const jar: Record<string, Record<string, Record<string, object>>> = {};
    for (const cookie of cookies) {
      ((jar[cookie.domain] ??= {})[cookie.path] ??= {})[cookie.name] = {
        value: cookie.value,
        expires: cookie.expires > 0 ? Math.floor(cookie.expires) : null,
        secure: cookie.secure,
        port: null,
        version: 0,
      };
    }
    const sessionSameSite = cookies.find((cookie) => cookie.name.endsWith("session-token"))?.sameSite;
    return { jar, sessionSameSite };
  } finally {
    await browser.close();
  }
}

/** Where the login form led: the identity's space, or (before a code was given) the second-factor step. */
async function afterLogin(page: Page, start: string, { codeGiven = false } = {}): Promise<"signed-in" | "code"> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (new URL(page.url()).pathname.startsWith(start)) return "signed-in";
    if (
      !codeGiven &&
      (await page
        .getByLabel("Code de vérification")
        .isVisible()
        .catch(() => false))
    )
      return "code";
    await page.waitForTimeout(200);
  }
  const alert = await page
    .getByRole("alert")
    .allTextContents()
    .catch(() => []);
  throw new Error(`connexion impossible (toujours sur ${page.url()}) ${alert.join(" ")}`);
}

async function scan(baseUrl: string, identity: Identity, cookieFile: string, work: string): Promise<Report> {
  if (new URL(baseUrl).hostname !== "127.0.0.1") throw new Error("le scan ne vise que 127.0.0.1");
  const reportPath = path.join(work, `wapiti-${identity.name}.json`);
  const logPath = path.join(work, `wapiti-${identity.name}.log`);
  const sessionDir = path.join(work, `wapiti-session-${identity.name}`);
  fs.mkdirSync(sessionDir, { recursive: true });
  const args = [
    "--url",
    `${baseUrl}/`,
    "--scope",
    "folder",
    "--start",
    `${baseUrl}${identity.start}`,
    "--cookie",
    cookieFile,
    "--module",
    MODULES.join(","),
    // Signing out would end the session the scan relies on (the gate refuses the logout action too).
    "--exclude",
    `${baseUrl}/api/auth/signout*`,
    "--depth",
    "5",
    "--max-links-per-page",
    "40",
    "--max-files-per-dir",
    "30",
    "--max-scan-time",
    String(CRAWL_SECONDS),
    "--max-attack-time",
    String(ATTACK_SECONDS),
    "--timeout",
    "20",
    "--flush-session",
    "--store-session",
    sessionDir,
    "--store-config",
    sessionDir,
    "--no-bugreport",
    "--verbose",
    "1",
    "--format",
    "json",
    "--output",
    reportPath,
  ];
  const log = fs.openSync(logPath, "w");
  // English output: the report's category names are translated otherwise.
  const child = spawn(wapitiPython(), ["-c", WAPITI_LAUNCHER, ...args], {
    stdio: ["ignore", log, log],
    env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8", LANGUAGE: "en" },
  });
  // A hard stop well past the expected bounds, should wapiti hang (a module only looks at its
  // clock between two pages, and one page's payloads can take minutes).
  const hardLimit = Math.max(1800, (CRAWL_SECONDS + ATTACK_SECONDS * MODULES.length) * 3) * 1000;
  const timer = setTimeout(() => child.kill("SIGKILL"), hardLimit);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  fs.closeSync(log);
  if (code !== 0 || !fs.existsSync(reportPath))
    throw new Error(`wapiti s'est arrêté (code ${code}) sans rapport : voir ${logPath}`);
  const crawled = fs.readFileSync(logPath, "utf8").match(/^\[\+\] GET /gm)?.length;
  if (crawled !== undefined) console.log(`${crawled} adresses parcourues`);
  return JSON.parse(fs.readFileSync(reportPath, "utf8")) as Report;
}

/**
 * Posts the logout form as a browser would from `origin`, straight to Next.js (the gate would
 * refuse it), with the identity's cookies; returns whether the identity is still signed in.
 */
async function crossSiteLogout(portal: Portal, identity: Identity, cookieFile: string, origin: string): Promise<boolean> {
  const form = new FormData();
  form.append(`$ACTION_ID_${logoutActionId()}`, "");
  await fetch(`${portal.innerUrl}${identity.start}`, {
    method: "POST",
    body: form,
    headers: { cookie: cookieHeader(cookieFile), origin },
    redirect: "manual",
  });
  return stillSignedIn(portal.baseUrl, identity, cookieFile);
}

function cookieHeader(cookieFile: string): string {
  const jar = JSON.parse(fs.readFileSync(cookieFile, "utf8")) as Record<
    string,
    Record<string, Record<string, { value: string }>>
  >;
  return Object.values(jar)
    .flatMap((paths) => Object.values(paths).flatMap((cookies) => Object.entries(cookies)))
    .map(([name, { value }]) => `${name}=${value}`)
    .join("; ");
}

/** Whether the identity's cookies still open its space: a scan that lost its session saw little. */
async function stillSignedIn(baseUrl: string, identity: Identity, cookieFile: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}${identity.start}`, {
    headers: { cookie: cookieHeader(cookieFile) },
    redirect: "manual",
  });
  return response.status === 200;
}

function readFrom(file: string, offset: number): string {
  const descriptor = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(Math.max(0, fs.fstatSync(descriptor).size - offset));
    fs.readSync(descriptor, buffer, 0, buffer.length, offset);
    return buffer.toString("utf8");
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * The errors `next start` logged (lines starting with ⨯), grouped: wapiti only reports a 500 it
 * met while attacking, and a page that fails after streaming has begun still answers 200.
 */
function serverErrors(log: string): ServerError[] {
  const groups = new Map<string, ServerError>();
  for (const block of log.split(/^(?=⨯ )/m).filter((part) => part.startsWith("⨯ "))) {
    const lines = block.split("\n");
    const cause = lines.find((line) => /DriverAdapterError\]|"message":/.test(line))?.trim();
    const message = [lines[0].slice(2).trim(), cause].filter(Boolean).join(" — ");
    const frame =
      lines.find((line) => /^\s+at .*(app_|\[root-of-the-server\])/.test(line)) ??
      lines.find((line) => /^\s+at /.test(line)) ??
      "";
    const where = frame.replace(/^\s+at /, "").replace(/ \{$/, "");
    const key = `${message}|${where}`;
    const group = groups.get(key) ?? { message, where, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Prints findings per category; true when one fails the scan. */
function summarise(results: ScanResult[], serverLog: string): boolean {
  let failed = false;
  console.log("\n== Bilan");
  for (const { identity, report, sessionAlive, serverErrors: errors } of results) {
    console.log(`\n${identity.name} (${identity.email})`);
    console.log(`  session : ${sessionAlive ? "toujours ouverte après le scan" : "PERDUE pendant le scan (résultat partiel)"}`);
    if (!sessionAlive) failed = true;
    console.log(
      `  erreurs du serveur (journal) : ${errors.length ? errors.reduce((sum, error) => sum + error.count, 0) : "aucune"}`,
    );
    for (const error of errors) console.log(`      - ${error.count} × ${error.message}${error.where ? ` (${error.where})` : ""}`);
    if (errors.length) failed = true;
    for (const [kind, groups] of [
      ["vulnérabilités", report.vulnerabilities],
      ["anomalies", report.anomalies],
    ] as const) {
      const lines = Object.entries(groups)
        .filter(([, findings]) => findings.length > 0)
        .map(([category, findings]) => {
          const accepted = findings.filter((finding) => acceptedReason(category, finding));
          const counted = findings.length - accepted.length;
          if (counted > 0 && (kind === "vulnérabilités" || category === "Internal Server Error")) failed = true;
          const note = accepted.length
            ? ` (${accepted.length} accepté(s) : ${[...new Set(accepted.map((finding) => acceptedReason(category, finding)))].join(" ; ")})`
            : "";
          return `    ${category} : ${findings.length}${note}`;
        });
      console.log(`  ${kind} : ${lines.length ? "" : "aucune"}`);
      for (const line of lines) console.log(line);
      for (const [category, findings] of Object.entries(groups)) {
        const counts = new Map<string, number>();
        for (const finding of findings.filter((candidate) => !acceptedReason(category, candidate))) {
          const key = `${finding.method} ${finding.path}${finding.parameter ? ` [${finding.parameter}]` : ""} : ${finding.info.split("\n")[0]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const shown = [...counts].slice(0, 12);
        for (const [key, count] of shown) console.log(`      - ${count > 1 ? `${count} × ` : ""}${key}`);
        if (counts.size > shown.length) console.log(`      - … et ${counts.size - shown.length} autres (rapport JSON)`);
      }
    }
  }
  console.log(
    `\n${failed ? "ÉCHEC : vulnérabilité, erreur 500 ou erreur du serveur trouvée" : "OK : aucune vulnérabilité, aucune erreur 500 ni erreur du serveur"} (journal du serveur : ${serverLog})`,
  );
  return failed;
}

let csrfProbePassed = false;

function acceptedReason(category: string, finding: Finding): string | undefined {
  return ACCEPTED.find(
    (rule) => rule.category === category && rule.info.test(finding.info) && (!rule.needsCsrfProbe || csrfProbePassed),
  )?.reason;
}

let exitCode = 1;
main()
  .then((code) => {
    exitCode = code;
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch((error) => console.error(error));
    process.exit(exitCode);
  });
