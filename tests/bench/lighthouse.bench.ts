// `npm run bench -- lighthouse`: Lighthouse's mobile audit (its default: a mid-range phone, slow
// 4G simulated) of the public pages and of a signed-in parent's pages, on the production build
// with the demo town (PostgreSQL), in Debian's Chromium. Prints performance, accessibility and
// best practices per page (0–100) and every accessibility or best-practice audit that is not
// passed. The bar (#16): performance ≥ 95, accessibility 100, best practices 100.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import * as chromeLauncher from "chrome-launcher";
import pg from "pg";

import type { BenchContext, Benchmark } from "../../scripts/bench";
import { createPostgresDatabase } from "../helpers/postgres-database";
import { stopProcessGroup } from "../helpers/process-group";
import { startSmtpPeer } from "../helpers/smtp-peer";
import { actionIds, ensureBuild, portalEnv, seedDemoTown, signInParent, startInstance } from "./http.bench";

const root = path.resolve(__dirname, "../..");
const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const PARENT = { email: "famille.test@demo.fr", password: "portail-demo-2026" };
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;

type Scores = Record<(typeof CATEGORIES)[number], number | null>;

const benchmark: Benchmark = {
  name: "Lighthouse mobile des pages publiques et des pages parent (build de production, Chromium de Debian)",
  async run({ pgAdminUrl, log }: BenchContext) {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium absent (${CHROMIUM}) : apt-get install chromium`);
    ensureBuild(log);
    const ids = actionIds();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portail-lighthouse-"));
    const created = await createPostgresDatabase({ prefix: "portail_bench", adminUrl: pgAdminUrl });
    const smtp = await startSmtpPeer();
    let instance: Awaited<ReturnType<typeof startInstance>> | null = null;
    let chrome: chromeLauncher.LaunchedChrome | null = null;
    try {
      const env = portalEnv(created.url, smtp.url, tmp);
      seedDemoTown(env);
      instance = await startInstance(tmp, env);
      const cookie = (await signInParent(instance.url, ids, PARENT.email, "10.0.0.1", PARENT.password)).header();
      const { childId, planning } = await demoPaths(created.url);

      const pages: { path: string; signedIn: boolean }[] = [
        { path: "/", signedIn: false },
        { path: "/connexion", signedIn: false },
        ...[
          "/espace",
          "/espace/famille",
          `/espace/enfants/${childId}`,
          "/espace/documents",
          "/espace/reservations",
          "/espace/reservations/nouvelle",
          planning,
          "/espace/factures",
          "/espace/petite-enfance",
          "/espace/compte",
        ].map((page) => ({ path: page, signedIn: true })),
      ];
      chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox"] });
      log(`Portail : ${instance.url} ; Chromium ${CHROMIUM} ; profil mobile par défaut de Lighthouse.`);
      log(`${"page".padEnd(58)} perf  a11y  bonnes pratiques`);
      const below: string[] = [];
      for (const page of pages) {
        const lhr = audit(`${instance.url}${page.path}`, chrome.port, page.signedIn ? cookie : null, tmp);
        const scores = Object.fromEntries(
          CATEGORIES.map((category) => [category, lhr.categories[category]?.score ?? null]),
        ) as Scores;
        const shown = (score: number | null) => (score === null ? "—" : String(Math.round(score * 100))).padStart(4);
        const landed = new URL(lhr.finalDisplayedUrl).pathname;
        log(
          `${page.path.slice(0, 57).padEnd(58)} ${shown(scores.performance)}  ${shown(scores.accessibility)}  ${shown(scores["best-practices"])}` +
            (landed === new URL(`${instance.url}${page.path}`).pathname ? "" : `   (arrivé sur ${landed})`),
        );
        for (const category of ["accessibility", "best-practices"] as const) {
          for (const reference of lhr.categories[category]?.auditRefs ?? []) {
            const audit = lhr.audits[reference.id];
            if (reference.weight > 0 && audit.score !== null && audit.score < 1)
              below.push(`${page.path} — ${category} : ${audit.id} (${audit.title})`);
          }
        }
      }
      log(
        below.length
          ? `Audits non passés :\n  ${below.join("\n  ")}`
          : "Aucun audit d'accessibilité ou de bonnes pratiques non passé.",
      );
    } finally {
      chrome?.kill();
      if (instance) await stopProcessGroup(instance.process).catch(() => undefined);
      await smtp.close().catch(() => undefined);
      await created.drop().catch((error) => log(`La base ${created.url} n'a pas pu être supprimée : ${error}`));
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  },
};

type Report = {
  finalDisplayedUrl: string;
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { id: string; title: string; score: number | null }>;
};

/**
 * Lighthouse's command line on the Chromium already started (its JSON report read back): run
 * under tsx, its Node API fails, the functions it sends to the page carrying tsx's helpers.
 */
function audit(url: string, port: number, cookie: string | null, tmp: string): Report {
  const output = path.join(tmp, "report.json");
  const args = [
    url,
    `--port=${port}`,
    "--output=json",
    `--output-path=${output}`,
    "--quiet",
    `--only-categories=${CATEGORIES.join(",")}`,
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const run = spawnSync(path.join(root, "node_modules/.bin/lighthouse"), args, { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`lighthouse ${url} : ${run.stderr || run.stdout}`);
  return JSON.parse(fs.readFileSync(output, "utf8")) as Report;
}

/**
 * The demo parent's child at Cambon and that school's canteen planning (the wizard's heaviest
 * page), read in the database (the seed's module loads the app's server-only code).
 */
async function demoPaths(url: string): Promise<{ childId: string; planning: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ childId: string; periodId: string }>(
      `SELECT c."id" AS "childId", p."id" AS "periodId"
         FROM "Child" c JOIN "User" u ON u."familyId" = c."familyId" JOIN "School" s ON s."id" = c."schoolId"
         JOIN "Establishment" e ON e."schoolId" = s."id" JOIN "Period" p ON p."establishmentId" = e."id"
        WHERE u."email" = $1 AND e."name" LIKE 'CANTINE %' ORDER BY c."birthDate", p."startDate" DESC LIMIT 1`,
      [PARENT.email],
    );
    if (!rows[0]) throw new Error(`aucun enfant de ${PARENT.email} inscrit dans une école avec cantine`);
    const { childId, periodId } = rows[0];
    return { childId, planning: `/espace/reservations/nouvelle/planning?enfant=${childId}&periode=${periodId}` };
  } finally {
    await client.end();
  }
}

export default benchmark;
