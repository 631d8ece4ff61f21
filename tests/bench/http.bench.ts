// `npm run bench -- http`: the portal measured over HTTP on a generated town (tests/bench/town.ts),
// as a town deploys it: the production build, `next start` on PostgreSQL, then two instances
// behind nginx. For each route: requests per second, p50 and p95 latency, errors (non-2xx and
// socket errors) and the ratio to /api/health measured in the same configuration, with
// autocannon (50 connections). Then the opening-day scenario: parents of the town sign in and
// book next week's canteen within 60 s over HTTP, some canteens having fewer places than asked.
//
// Options (flags after `npm run bench -- http`, or the environment):
//   --scale=0.05 | BENCH_SCALE        the town's size (1 = 10,000 families; default 1)
//   --duration=3 | BENCH_DURATION     seconds per route (default 12)
//   --parents=200 | BENCH_PARENTS     parents of the scenario (default 1,000, at most the town's families)
//   --scenario-only                   skips the route tables
//   --no-build                        never builds (fails when .next is missing)
// The production build is made (`next build`) when .next is missing or older than a source file.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import autocannon from "autocannon";
import pg from "pg";

import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";

import type { BenchContext, Benchmark } from "../../scripts/bench";
import { freePort } from "../helpers/free-port";
import { createPostgresDatabase } from "../helpers/postgres-database";
import { stopProcessGroup } from "../helpers/process-group";
import { startSmtpPeer } from "../helpers/smtp-peer";
import { currentStep, totpAt } from "../helpers/totp";
import { latencySummary } from "./bench-stats";
import { BENCH_PASSWORD, generateTown } from "./town";

const root = path.resolve(__dirname, "../..");
// The demo's staff account (prisma/seed.ts: DEMO_ACCOUNTS, DEMO_PASSWORD; not imported: the seed
// loads "server-only" modules).
const STAFF = { email: "agent@demo.fr", password: "portail-demo-2026" };
/** Monday 30 November 2026, 9:00 in Paris: term time; bookings for 7–11 December are open until Tuesday evening. */
const CLOCK = "2026-11-30T09:00:00+01:00";
const TODAY = "2026-11-30";
const CONNECTIONS = 50;
const SESSIONS = 50;
/** Canteens whose opening-week places are cut below the scenario's demand (the first schools by name). */
const SQUEEZED_SCHOOLS = 2;
const SQUEEZE = 0.6;

function option(name: string, envName: string, fallback: number): number {
  const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  const raw = flag ? flag.slice(name.length + 3) : process.env[envName];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} / ${envName} : nombre positif attendu (lu : ${raw})`);
  return value;
}
const hasFlag = (name: string) => process.argv.includes(`--${name}`);

// ─── Build ──────────────────────────────────────────────────────────────────────────────────

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (!entry.name.endsWith(".test.ts") && !entry.name.endsWith(".test.tsx"))
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureBuild(log: (line: string) => void) {
  const buildId = path.join(root, ".next/BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(
    ...["app", "lib", "components"].map((dir) => newestSource(path.join(root, dir))),
    ...["next.config.ts", "package.json", "proxy.ts", "instrumentation.ts", "prisma/schema.prisma"].map(
      (file) => fs.statSync(path.join(root, file)).mtimeMs,
    ),
  );
  if (built > sources) return log("Build de production à jour (.next).");
  if (hasFlag("no-build"))
    throw new Error("Pas de build de production à jour (.next) : lancez `npx next build` (ou retirez --no-build).");
  log(
    built
      ? "Le build de production (.next) est plus ancien que les sources : `next build`…"
      : "Pas de build (.next) : `next build`…",
  );
  const started = Date.now();
  const result = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`next build a échoué :\n${result.stdout}\n${result.stderr}`);
  log(`Build fait en ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

// ─── Processes ──────────────────────────────────────────────────────────────────────────────

type Server = { url: string; process: ChildProcess; logPath: string };
const started: ChildProcess[] = [];

async function waitForHealth(url: string, child: ChildProcess, logPath: string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} n'a pas démarré :\n${fs.readFileSync(logPath, "utf8").slice(-4000)}`);
}

function spawnLogged(command: string, args: string[], env: NodeJS.ProcessEnv, logPath: string): ChildProcess {
  const log = fs.openSync(logPath, "a");
  // Detached: a process group of its own, stopped whole (stopProcessGroup).
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", log, log], detached: true });
  child.once("exit", () => fs.closeSync(log));
  started.push(child);
  return child;
}

/** A production `next start`'s environment on `databaseUrl` (no embedded database), mails to `smtpUrl`, files under `tmp`. */
export function portalEnv(databaseUrl: string, smtpUrl: string, tmp: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    STORAGE_DIR: path.join(tmp, "storage"),
    SMTP_URL: smtpUrl,
    MAIL_FROM: "Portail Familles <no-reply@portail.test>",
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    SHUTDOWN_DRAIN_SECONDS: "0",
  };
  delete env.PGLITE_DIR;
  return env;
}

/** Migrations and the demo town on the environment's database (the seed refuses NODE_ENV=production: run as "test"). */
export function seedDemoTown(env: NodeJS.ProcessEnv): void {
  const seed = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/seed.ts"], {
    cwd: root,
    env: { ...env, NODE_ENV: "test" },
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`seed : ${seed.stdout}\n${seed.stderr}`);
}

export async function startInstance(tmp: string, env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logPath = path.join(tmp, `next-${port}.log`);
  const child = spawnLogged(
    path.join(root, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    env,
    logPath,
  );
  await waitForHealth(url, child, logPath);
  return { url, process: child, logPath };
}

/**
 * nginx in front of the instances: a temporary prefix, pid, logs and temp paths, in the
 * foreground (`daemon off`), a child of this process. The client's X-Forwarded-For is passed on
 * as is: the benchmark plays the town's outer proxy, writing each simulated visitor's address
 * (the portal trusts one proxy, TRUSTED_PROXY_COUNT=1, so the login throttle sees the visitors).
 */
async function startNginx(tmp: string, upstreams: string[]): Promise<Server> {
  const dir = path.join(tmp, "nginx");
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const port = await freePort();
  const conf = path.join(dir, "nginx.conf");
  // As root, nginx's workers run as "nobody": its temp folders must be theirs to write.
  const user = process.getuid?.() === 0 ? "user nobody nogroup;" : "";
  fs.writeFileSync(
    conf,
    `${user}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 20m;
  upstream portal {
    least_conn;
${upstreams.map((upstream) => `    server ${new URL(upstream).host} max_fails=0;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $http_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 60s;
    }
  }
}
`,
  );
  const logPath = path.join(dir, "stdout.log");
  const child = spawnLogged("/usr/sbin/nginx", ["-p", dir, "-c", conf, "-e", `${dir}/error.log`], process.env, logPath);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, `${dir}/error.log`);
  return { url, process: child, logPath };
}

// ─── Signing in over HTTP ───────────────────────────────────────────────────────────────────

export function actionIds(): { login: string; secondFactor: string; booking: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const find = (file: string, name: string) => {
    const entry = Object.entries(manifest.node).find(
      ([, value]) => value.filename?.endsWith(file) && value.exportedName === name,
    );
    if (!entry) throw new Error(`action ${name} de ${file} absente du manifeste du build`);
    return entry[0];
  };
  return {
    login: find("app/(public)/connexion/actions.ts", "loginAction"),
    secondFactor: find("app/(public)/connexion/actions.ts", "verifySecondFactorAction"),
    booking: find("app/(famille)/espace/reservations/actions.ts", "confirmBookingAction"),
  };
}

/** A simulated visitor's address (X-Forwarded-For): one per parent, as in a town. */
const visitorIp = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** useActionState's call over HTTP (tests/e2e/server-action-http.ts): (previous state, form data). */
async function postFormAction(
  base: string,
  pathname: string,
  actionId: string,
  fields: Record<string, string>,
  jar: CookieJar,
  ip: string,
) {
  const boundary = `----bench${crypto.randomBytes(8).toString("hex")}`;
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body =
    Object.entries(fields)
      .map(([name, value]) => part(`_1_${name}`, value))
      .join("") +
    part("0", JSON.stringify([{}, "$K1"])) +
    `--${boundary}--\r\n`;
  const response = await fetch(`${base}${pathname}`, {
    method: "POST",
    headers: {
      "Next-Action": actionId,
      Accept: "text/x-component",
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
      Origin: base,
      Cookie: jar.header(),
      "X-Forwarded-For": ip,
    },
    body,
    redirect: "manual",
  });
  jar.take(response);
  return { status: response.status, body: await response.text(), redirect: response.headers.get("x-action-redirect") };
}

async function getPage(base: string, pathname: string, jar: CookieJar, ip: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${base}${pathname}`, {
    headers: { Cookie: jar.header(), "X-Forwarded-For": ip },
    redirect: "manual",
  });
  jar.take(response);
  return { status: response.status, body: await response.text() };
}

export async function signInParent(
  base: string,
  ids: ReturnType<typeof actionIds>,
  email: string,
  ip: string,
  password = BENCH_PASSWORD,
): Promise<CookieJar> {
  const jar = new CookieJar();
  const answer = await postFormAction(base, "/connexion", ids.login, { email, password, callbackUrl: "" }, jar, ip);
  if (!answer.redirect?.includes("/espace"))
    throw new Error(`connexion de ${email} refusée (${answer.status}) : ${answer.body.slice(0, 300)}`);
  return jar;
}

async function signInStaff(base: string, ids: ReturnType<typeof actionIds>, email: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const ip = "10.255.0.1";
  const first = await postFormAction(
    base,
    "/connexion",
    ids.login,
    { email, password: STAFF.password, callbackUrl: "" },
    jar,
    ip,
  );
  if (!first.redirect?.includes("/connexion/verification"))
    throw new Error(`connexion de ${email} : ${first.status} ${first.body.slice(0, 300)}`);
  const code = totpAt(DEMO_TOTP_SECRET, currentStep());
  const second = await postFormAction(base, "/connexion/verification", ids.secondFactor, { code }, jar, ip);
  if (!second.redirect?.includes("/admin"))
    throw new Error(`second facteur de ${email} : ${second.status} ${second.body.slice(0, 300)}`);
  return jar;
}

// ─── Measuring ──────────────────────────────────────────────────────────────────────────────

type Route = { label: string; paths: string[]; cookies: string[] };
type Measure = { label: string; perSecond: number; p50: number; p95: number; errors: number; non2xx: number; requests: number };

/**
 * Two requests first, one after another: the route's code loaded and its caches warm before it is
 * timed. A failure here is not fatal (the measure counts the route's errors).
 */
async function warmUp(base: string, route: Route) {
  for (let index = 0; index < 2; index += 1) {
    const headers: Record<string, string> = { "x-forwarded-for": visitorIp(index), connection: "close" };
    if (route.cookies.length > 0) headers.cookie = route.cookies[index % route.cookies.length];
    try {
      await (
        await fetch(`${base}${route.paths[index % route.paths.length]}`, {
          headers,
          redirect: "manual",
          signal: AbortSignal.timeout(30_000),
        })
      ).arrayBuffer();
    } catch {
      // measured below
    }
  }
}

/**
 * Waits (30 s at most) until /api/health answers within 250 ms three times in a row: requests the
 * client gave up on (autocannon's 10 s timeout) are still being served, and would otherwise weigh
 * on the next route's figures.
 */
async function settle(base: string) {
  const deadline = Date.now() + 30_000;
  let fast = 0;
  while (fast < 3 && Date.now() < deadline) {
    const begin = performance.now();
    try {
      await (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) })).arrayBuffer();
      fast = performance.now() - begin < 250 ? fast + 1 : 0;
    } catch {
      fast = 0;
    }
    if (fast < 3) await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measureRoute(base: string, route: Route, seconds: number, overallRate?: number): Promise<Measure> {
  await settle(base);
  await warmUp(base, route);
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        method: "GET",
        setupRequest: (request: Record<string, unknown>) => {
          const index = next++;
          const headers: Record<string, string> = { "x-forwarded-for": visitorIp(index % 5000) };
          if (route.cookies.length > 0) headers.cookie = route.cookies[index % route.cookies.length];
          return { ...request, path: route.paths[index % route.paths.length], headers };
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    latencies.push(responseTime),
  );
  const result = await instance;
  const summary = latencySummary(latencies);
  return {
    label: route.label,
    perSecond: result.requests.average,
    p50: summary.p50,
    p95: summary.p95,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));
const num = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "—").padStart(8);

function printTable(title: string, rows: Measure[], log: (line: string) => void, reference?: Measure[]) {
  const baseline = rows.find((row) => row.label === "/api/health")?.perSecond ?? NaN;
  log(`\n${title}`);
  log(
    `${pad("route", 44)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"erreurs".padStart(8)} ${"ratio".padStart(8)}${reference ? " ×1 inst.".padStart(10) : ""}`,
  );
  for (const row of rows) {
    const single = reference?.find((entry) => entry.label === row.label);
    log(
      `${pad(row.label, 44)} ${num(row.perSecond)} ${num(row.p50)} ${num(row.p95)} ${num(row.errors + row.non2xx)} ${num(row.perSecond / baseline, 2)}` +
        (single ? num(row.perSecond / single.perSecond, 2).padStart(10) : ""),
    );
  }
}

// ─── The town's facts the benchmark needs ───────────────────────────────────────────────────

type Parent = { n: number; email: string; children: { id: string; periodId: string; unitId: string; schoolRank: number }[] };

async function townParents(client: pg.Client, from: number, count: number): Promise<Parent[]> {
  const rows = await client.query<{
    n: number;
    email: string;
    childId: string;
    periodId: string;
    unitId: string;
    schoolRank: number;
  }>(
    `WITH schools AS (SELECT "id", (row_number() OVER (ORDER BY "name") - 1)::int AS rank FROM "School"),
          canteens AS (
            SELECT e."schoolId", p."id" AS "periodId", u."id" AS "unitId"
              FROM "Period" p JOIN "Establishment" e ON e."id" = p."establishmentId" JOIN "Unit" u ON u."periodId" = p."id"
             WHERE p."name" LIKE 'CANTINE ELEMENTAIRE %' AND p."startDate" <= $3::date AND p."endDate" >= $3::date)
     SELECT substring(us."email" from 'parent([0-9]+)@')::int AS n, us."email", c."id" AS "childId", k."periodId", k."unitId", s.rank AS "schoolRank"
       FROM "User" us JOIN "Child" c ON c."familyId" = us."familyId" JOIN canteens k ON k."schoolId" = c."schoolId"
       JOIN schools s ON s."id" = c."schoolId"
      WHERE us."email" LIKE '%@bench.test' AND substring(us."email" from 'parent([0-9]+)@')::int BETWEEN $1 AND $2
      ORDER BY n, c."id"`,
    [from, from + count - 1, TODAY],
  );
  const parents = new Map<number, Parent>();
  for (const row of rows.rows) {
    const parent = parents.get(row.n) ?? { n: row.n, email: row.email, children: [] };
    parent.children.push({ id: row.childId, periodId: row.periodId, unitId: row.unitId, schoolRank: row.schoolRank });
    parents.set(row.n, parent);
  }
  return [...parents.values()];
}

// ─── The benchmark ──────────────────────────────────────────────────────────────────────────

async function routeTables(
  client: pg.Client,
  single: Server,
  startPair: () => Promise<Server>,
  ids: ReturnType<typeof actionIds>,
  families: number,
  seconds: number,
  log: (line: string) => void,
) {
  // Sessions of parents the scenario does not use (it takes the first ones).
  // Those with a reservation (a reservation's page is measured too), from the last ones down.
  const sessionsFrom = Math.max(1, families - 3 * SESSIONS + 1);
  const booked = await client.query<{ email: string }>(
    `SELECT DISTINCT u."email" FROM "User" u JOIN "Reservation" r ON r."familyId" = u."familyId" WHERE u."email" LIKE '%@bench.test'`,
  );
  const withReservation = new Set(booked.rows.map((row) => row.email));
  const parents = (await townParents(client, sessionsFrom, 3 * SESSIONS))
    .filter((parent) => withReservation.has(parent.email))
    .slice(-SESSIONS);
  if (parents.length < SESSIONS) throw new Error(`seulement ${parents.length} parents avec une réservation pour les sessions`);
  const cookies: string[] = [];
  for (const parent of parents) cookies.push((await signInParent(single.url, ids, parent.email, visitorIp(parent.n))).header());
  const reservations = await client.query<{ id: string; email: string }>(
    `SELECT DISTINCT ON (u."email") r."id", u."email" FROM "Reservation" r JOIN "User" u ON u."familyId" = r."familyId"
      WHERE u."email" = ANY($1::text[]) ORDER BY u."email", r."firstDate" DESC`,
    [parents.map((parent) => parent.email)],
  );
  const reservationOf = new Map(reservations.rows.map((row) => [row.email, row.id]));
  const staff = (await signInStaff(single.url, ids, STAFF.email)).header();
  const planningPaths = parents.map(
    (parent) => `/espace/reservations/nouvelle/planning?enfant=${parent.children[0].id}&periode=${parent.children[0].periodId}`,
  );
  const routes: Route[] = [
    { label: "/api/health", paths: ["/api/health"], cookies: [] },
    { label: "/", paths: ["/"], cookies: [] },
    { label: "/connexion", paths: ["/connexion"], cookies: [] },
    { label: "/espace", paths: ["/espace"], cookies },
    { label: "/espace/reservations", paths: ["/espace/reservations"], cookies },
    { label: "planning (nouvelle/planning?enfant&periode)", paths: planningPaths, cookies },
    {
      label: "/espace/reservations/[id]",
      paths: parents.map((parent) => `/espace/reservations/${reservationOf.get(parent.email)}`),
      cookies,
    },
    { label: "/admin/familles?q=MARTIN", paths: ["/admin/familles?q=MARTIN"], cookies: [staff] },
    { label: `/admin/listes?date=${TODAY}`, paths: [`/admin/listes?date=${TODAY}`], cookies: [staff] },
  ];
  // Each session's paths line up with its cookie (same index modulo 50).
  for (const route of routes) {
    if (route.paths.length > 1 && route.paths.length !== cookies.length)
      throw new Error(`${route.label} : chemins et sessions ne correspondent pas`);
    const probe = await fetch(`${single.url}${route.paths[0]}`, {
      headers: route.cookies[0] ? { cookie: route.cookies[0] } : {},
      redirect: "manual",
    });
    if (probe.status !== 200) throw new Error(`${route.label} répond ${probe.status} avant la mesure`);
  }

  // Each route's line is printed as soon as it is measured; a route that fails is reported, not fatal.
  const measureOne = async (base: string, route: Route, overallRate?: number): Promise<Measure> => {
    try {
      const row = await measureRoute(base, route, seconds, overallRate);
      log(
        `  ${pad(row.label, 44)} ${num(row.perSecond)} req/s, p50 ${num(row.p50)} ms, p95 ${num(row.p95)} ms, ` +
          `${row.non2xx} non-2xx, ${row.errors} erreur(s) de socket ou délai dépassé, ${row.requests} requêtes`,
      );
      return row;
    } catch (error) {
      log(`  ${route.label} : mesure impossible (${error instanceof Error ? error.message : String(error)})`);
      return { label: route.label, perSecond: Number.NaN, p50: Number.NaN, p95: Number.NaN, errors: 1, non2xx: 0, requests: 0 };
    }
  };
  const measureAll = async (base: string) => {
    const rows: Measure[] = [];
    for (const route of routes) rows.push(await measureOne(base, route));
    const paced = await measureOne(base, { ...routes[5], label: "planning à 100 req/s (overallRate)" }, 100);
    return { rows, paced };
  };

  log(
    `\nMesures : ${CONNECTIONS} connexions, ${seconds} s par route, ${SESSIONS} sessions de parents différentes. Charge avant : ${loadavg()}`,
  );
  const one = await measureAll(single.url);
  printTable(`Une instance (next start, ${single.url})`, [...one.rows, one.paced], log);
  log(`Charge de la machine : ${loadavg()}`);

  const front = await startPair();
  const two = await measureAll(front.url);
  printTable(
    `Deux instances derrière nginx (${front.url}) — ratio à /api/health via nginx, et × une instance`,
    [...two.rows, two.paced],
    log,
    [...one.rows, one.paced],
  );
  log(`Charge de la machine : ${loadavg()}`);
}

const loadavg = () =>
  `${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")} (${os.cpus().length} cœurs)`;

type StepName = "connexion" | "tableau de bord" | "nouvelle réservation" | "planning" | "réservation (action)";

async function openingDay(
  client: pg.Client,
  base: string,
  ids: ReturnType<typeof actionIds>,
  parentsWanted: number,
  log: (line: string) => void,
) {
  const parents = await townParents(client, 1, parentsWanted);
  const days = await client.query<{ date: string }>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS date
       FROM "Period" p CROSS JOIN generate_series($1::date, $1::date + 6, interval '1 day') AS d
      WHERE p."id" = $2 AND extract(isodow FROM d)::int = ANY(p."openWeekdays")
        AND NOT EXISTS (SELECT 1 FROM "Closure" WHERE "periodId" = $2 AND "date" = d::date) ORDER BY 1`,
    [nextMonday(TODAY, 7), parents[0].children[0].periodId],
  );
  const week = days.rows.map((row) => row.date);
  // Demand per canteen; the first schools get fewer places than asked for, as staff would set them.
  const demand = new Map<string, number>();
  for (const parent of parents)
    for (const child of parent.children) demand.set(child.unitId, (demand.get(child.unitId) ?? 0) + 1);
  const squeezed = new Map<string, number>();
  for (const parent of parents)
    for (const child of parent.children)
      if (child.schoolRank < SQUEEZED_SCHOOLS) squeezed.set(child.unitId, Math.floor(demand.get(child.unitId)! * SQUEEZE));
  for (const [unitId, capacity] of squeezed) {
    await client.query(
      `INSERT INTO "UnitDay" ("unitId", "date", "capacity", "booked", "capacityOverridden")
       SELECT $1, d::date, $2, 0, true FROM unnest($3::date[]) AS d
       ON CONFLICT ("unitId", "date") DO UPDATE SET "capacity" = GREATEST("UnitDay"."booked", EXCLUDED."capacity"), "capacityOverridden" = true`,
      [unitId, capacity, week],
    );
  }
  const children = parents.reduce((sum, parent) => sum + parent.children.length, 0);
  log(
    `\nJour d'ouverture : ${parents.length} parents (${children} enfants) réservent la cantine du ${week[0]} au ${week[week.length - 1]} (${week.length} jours) en 60 s, ` +
      `50 en vol au plus ; ${squeezed.size} cantine(s) limitée(s) à ${Math.round(SQUEEZE * 100)} % de la demande.`,
  );

  const steps = new Map<StepName, number[]>();
  const timed = async <T>(step: StepName, run: () => Promise<T>): Promise<T> => {
    const begin = performance.now();
    try {
      return await run();
    } finally {
      steps.set(step, [...(steps.get(step) ?? []), performance.now() - begin]);
    }
  };
  const outcome = { accepted: 0, full: 0, errors: [] as string[], parentsDone: 0 };
  const refusedRequests: { unitId: string }[] = [];
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (inFlight >= 50) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight += 1;
  };
  const release = () => {
    inFlight -= 1;
    waiting.shift()?.();
  };
  await settle(base);
  const begin = performance.now();
  await Promise.all(
    parents.map(async (parent, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * 60_000) / parents.length));
      await acquire();
      const ip = visitorIp(parent.n);
      try {
        const jar = await timed("connexion", () => signInParent(base, ids, parent.email, ip));
        const dashboard = await timed("tableau de bord", () => getPage(base, "/espace", jar, ip));
        if (dashboard.status !== 200) throw new Error(`/espace : ${dashboard.status}`);
        const wizard = await timed("nouvelle réservation", () => getPage(base, "/espace/reservations/nouvelle", jar, ip));
        if (wizard.status !== 200) throw new Error(`/espace/reservations/nouvelle : ${wizard.status}`);
        for (const child of parent.children) {
          const planningPath = `/espace/reservations/nouvelle/planning?enfant=${child.id}&periode=${child.periodId}`;
          const planning = await timed("planning", () => getPage(base, planningPath, jar, ip));
          if (planning.status !== 200) throw new Error(`planning : ${planning.status}`);
          const result = await timed("réservation (action)", async () => {
            const response = await fetch(`${base}${planningPath}`, {
              method: "POST",
              headers: {
                "Next-Action": ids.booking,
                Accept: "text/x-component",
                "Content-Type": "text/plain;charset=UTF-8",
                Origin: base,
                Cookie: jar.header(),
                "X-Forwarded-For": ip,
              },
              body: JSON.stringify([
                { childId: child.id, periodId: child.periodId, days: week.map((date) => ({ unitId: child.unitId, date })) },
              ]),
              redirect: "manual",
            });
            return { status: response.status, result: actionResult(await response.text()) };
          });
          const answer = result.result as { ok?: boolean; error?: string } | undefined;
          if (answer?.ok) outcome.accepted += 1;
          else if (answer?.error && /plus de place/i.test(answer.error)) {
            outcome.full += 1;
            refusedRequests.push({ unitId: child.unitId });
          } else outcome.errors.push(`${parent.email} : ${result.status} ${JSON.stringify(answer ?? null).slice(0, 200)}`);
        }
        outcome.parentsDone += 1;
      } catch (error) {
        outcome.errors.push(`${parent.email} : ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
      } finally {
        release();
      }
    }),
  );
  const seconds = (performance.now() - begin) / 1000;

  // By SQL: no counter above its capacity, every counter equal to its booked days, and each
  // refusal on a unit that is full on at least one of the week's days.
  const over = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "UnitDay" WHERE "booked" > "capacity"`);
  // A counter that differs from its booked days, or booked days with no counter row at all.
  const mismatched = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM "UnitDay" ud
       FULL JOIN (SELECT "unitId", "date", count(*)::int AS active FROM "ReservationDay"
                   WHERE "status" IN ('PENDING', 'ACCEPTED') GROUP BY "unitId", "date") AS rd
         ON rd."unitId" = ud."unitId" AND rd."date" = ud."date"
      WHERE coalesce(ud."booked", 0) <> coalesce(rd.active, 0)`,
  );
  const refusedUnits = [...new Set(refusedRequests.map((request) => request.unitId))];
  const refusedWithRoom = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM unnest($1::text[]) AS u("unitId")
      WHERE NOT EXISTS (SELECT 1 FROM "UnitDay" ud WHERE ud."unitId" = u."unitId" AND ud."date" = ANY($2::date[]) AND ud."booked" >= ud."capacity")`,
    [refusedUnits, week],
  );
  const bookable = children - outcome.full;
  log(`Durée : ${seconds.toFixed(1)} s ; parents allés au bout : ${outcome.parentsDone}/${parents.length}.`);
  log(
    `Réservations acceptées : ${outcome.accepted}/${bookable} de celles qui avaient de la place (${((100 * outcome.accepted) / Math.max(1, bookable)).toFixed(1)} %) ; ` +
      `refus propres « plus de place » : ${outcome.full} ; erreurs : ${outcome.errors.length}.`,
  );
  for (const error of outcome.errors.slice(0, 10)) log(`  erreur : ${error}`);
  log(`${pad("étape", 24)} ${"n".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}`);
  for (const [step, latencies] of steps) {
    const summary = latencySummary(latencies);
    log(
      `${pad(step, 24)} ${String(latencies.length).padStart(6)} ${num(summary.p50)} ${num(summary.p95)} ${num(Math.max(...latencies))}`,
    );
  }
  log(
    `SQL : compteurs au-dessus de leur capacité : ${over.rows[0].n} ; compteurs différents de leurs journées réservées : ${mismatched.rows[0].n} ; ` +
      `unités refusées sans être pleines : ${refusedWithRoom.rows[0].n}.`,
  );
  if (outcome.errors.length > 0 || over.rows[0].n > 0 || mismatched.rows[0].n > 0 || refusedWithRoom.rows[0].n > 0) {
    process.exitCode = 1;
    log("ÉCHEC : le jour d'ouverture a des erreurs ou des compteurs faux.");
  }
}

function nextMonday(day: string, plus: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + plus);
  return date.toISOString().slice(0, 10);
}

/** The action's return value in an RSC payload (tests/e2e/server-action-http.ts#actionResult). */
function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  const parse = (text: string | undefined): unknown => {
    try {
      return text === undefined ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const rootRow = parse(rows.get("0")) as { a?: unknown } | undefined;
  if (!rootRow || typeof rootRow !== "object" || !("a" in rootRow)) return undefined;
  const reference = typeof rootRow.a === "string" ? /^\$@([0-9a-f]+)$/.exec(rootRow.a) : null;
  return reference ? parse(rows.get(reference[1])) : rootRow.a;
}

const benchmark: Benchmark = {
  name: "Le portail mesuré en HTTP sur une ville générée (une instance, puis deux derrière nginx ; jour d'ouverture)",
  async run({ pgAdminUrl, connectionBudget, log }: BenchContext) {
    const scale = option("scale", "BENCH_SCALE", 1);
    const seconds = option("duration", "BENCH_DURATION", 12);
    const scenarioOnly = hasFlag("scenario-only");
    ensureBuild(log);
    const ids = actionIds();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portail-http-bench-"));
    fs.chmodSync(tmp, 0o755);
    const created = await createPostgresDatabase({ prefix: "portail_bench", adminUrl: pgAdminUrl });
    const smtp = await startSmtpPeer();
    const client = new pg.Client({ connectionString: created.url });
    const stopAll = async () => {
      for (const child of started.reverse()) await stopProcessGroup(child).catch(() => undefined);
    };
    const onSignal = () => {
      void stopAll().finally(() => created.drop().finally(() => process.exit(130)));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    let failed = false;
    try {
      const anchorMs = Date.now();
      const env: NodeJS.ProcessEnv = {
        ...portalEnv(created.url, smtp.url, tmp),
        TRUSTED_PROXY_COUNT: "1",
        // `next start` honours a pinned clock only with the test flag (lib/clock.ts).
        PORTAIL_CLOCK: CLOCK,
        PORTAIL_CLOCK_ANCHOR: String(anchorMs),
        PORTAIL_TEST_CLOCK_ALLOWED: "1",
      };
      seedDemoTown(env);
      await client.connect();
      log(`Ville générée à l'échelle ${scale} :`);
      const town = await generateTown(client, { scale, today: TODAY, log });
      log(
        `  ${town.families} familles, ${town.children} enfants, ${town.reservations} réservations, ${town.reservationDays} journées réservées, ` +
          `${town.unitDays} compteurs, en ${town.seconds.toFixed(0)} s.`,
      );

      // Pools within the connection budget: the benchmark's own client, each instance's pool and its jobs.
      const perInstance = (instances: number) =>
        String(Math.max(2, Math.min(20, Math.floor((connectionBudget - 4) / instances) - 3)));
      const single = await startInstance(tmp, { ...env, DATABASE_POOL_SIZE: perInstance(2) });
      log(`Instance : ${single.url} (pool ${perInstance(2)} connexions).`);
      let front: Server | null = null;
      const startPair = async () => {
        if (front) return front;
        const second = await startInstance(tmp, { ...env, DATABASE_POOL_SIZE: perInstance(2) });
        front = await startNginx(tmp, [single.url, second.url]);
        log(`\nDeuxième instance : ${second.url} ; nginx : ${front.url}.`);
        return front;
      };
      if (!scenarioOnly) await routeTables(client, single, startPair, ids, town.families, seconds, log);
      const parentsWanted = Math.min(town.families, Math.round(option("parents", "BENCH_PARENTS", 1000)));
      await openingDay(client, (await startPair()).url, ids, parentsWanted, log);
      log(`Charge de la machine : ${loadavg()}`);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      await client.end().catch(() => undefined);
      await stopAll();
      await smtp.close().catch(() => undefined);
      await created.drop().catch((error) => log(`La base ${created.url} n'a pas pu être supprimée : ${error}`));
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
      if (failed || process.exitCode) log(`Journaux des serveurs (gardés) : ${tmp}`);
      else fs.rmSync(tmp, { recursive: true, force: true });
    }
  },
};

export default benchmark;
