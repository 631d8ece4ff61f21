#!/usr/bin/env node
// `npm test`: the whole suite, in order — lint and types, unit and integration tests (PGlite
// always, PostgreSQL when reachable) with the production build beside them, then the browser tests (when
// Chromium is installed: two files at a time, then the fault tests alone). Whatever a machine lacks is skipped with its reason printed; CI
// (.ci/run) provides everything and sets PORTAIL_REQUIRE_ALL=1: there a missing service, a
// skipped or a todo test fails the run (scripts/test-verdict.mjs judges). The services are
// probed once, here, and the answers passed to every Jest run. Ends with one line
// "N passed, N failed, N skipped", each test counted once.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { probeChromium, probePostgres, requireAll, servicesEnv } from "../tests/helpers/probe-services.mjs";
import { judge, missingReport, readJestReport } from "./test-verdict.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const env = {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--no-warnings=ExperimentalWarning"]
    .filter(Boolean)
    .join(" "),
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL; // tests choose their own databases

/** Browser tests that stop PostgreSQL, SMTP or an instance and measure how the portal recovers. */
const SERIAL_E2E = [
  "tests/e2e/database-restart.test.ts",
  "tests/e2e/graceful-shutdown.test.ts",
  "tests/e2e/instance-crash.test.ts",
  "tests/e2e/mail-outage.test.ts",
];

const steps = [];
const problems = [];
const skips = [];

function step(title, command, args) {
  console.log(`\n━━ ${title}\n$ ${[path.relative(root, command) || command, ...args].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`━━ ${title} : ${result.status === 0 ? "OK" : `ÉCHEC (code ${result.status ?? result.signal})`} en ${seconds} s`);
  return result.status === 0;
}

/** `next build` in the background, its output kept in a file and printed when it ends: resolves to its success. */
function startBuild() {
  const title = "Build de production (next build)";
  const logPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portail-build-")), "build.log");
  const log = fs.openSync(logPath, "w");
  const started = Date.now();
  console.log(`\n━━ ${title} : lancé en parallèle des tests unitaires et d'intégration ($ next build)`);
  const child = spawn(bin("next"), ["build"], { cwd: root, env, stdio: ["ignore", log, log] });
  return new Promise((resolve) => {
    child.on("error", () => resolve(false));
    child.on("close", (status) => {
      fs.closeSync(log);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\n━━ ${title}\n${fs.readFileSync(logPath, "utf8").trimEnd()}`);
      console.log(`━━ ${title} : ${status === 0 ? "OK" : `ÉCHEC (code ${status})`} en ${seconds} s (en parallèle)`);
      resolve(status === 0);
    });
  });
}

function jestStep(title, args) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portail-jest-")), "report.json");
  const ok = step(title, bin("jest"), [...args, "--json", `--outputFile=${report}`]);
  steps.push(
    fs.existsSync(report)
      ? readJestReport(title, JSON.parse(fs.readFileSync(report, "utf8")), { exitedOk: ok, root })
      : missingReport(title),
  );
}

const [postgres, chromium] = [await probePostgres(), probeChromium()];
// The Jest global setups read these instead of probing again (tests/helpers/probe-services.mjs).
Object.assign(env, servicesEnv({ postgres, chromium }));
console.log("Portail Familles — suite de tests complète");
console.log(`PostgreSQL : ${postgres.ok ? "disponible (tests sur PGlite et PostgreSQL)" : `ABSENT — ${postgres.reason}`}`);
console.log(`Chromium   : ${chromium.ok ? "disponible" : `ABSENT — ${chromium.reason}`}`);
if (!postgres.ok) skips.push(`tests d'intégration sur PostgreSQL (ils tournent sur PGlite seulement) : ${postgres.reason}`);

if (!step("Lint (ESLint)", bin("eslint"), ["."])) problems.push("ESLint signale des erreurs");
if (!step("Formatage (Prettier)", bin("prettier"), ["--check", "."]))
  problems.push("des fichiers ne sont pas formatés (npm run format)");
if (!step("Types (tsc)", bin("tsc"), ["--noEmit"])) problems.push("tsc signale des erreurs de types");

// The production build runs beside the unit and integration tests: they leave a core mostly
// idle (the job-schedule test waits for two cron minutes), and the build only writes .next/.
const build = chromium.ok ? startBuild() : null;

jestStep("Tests unitaires et d'intégration", ["--ci"]);

if (build) {
  if (await build) {
    // Two files at a time (each starts its own portal and browser), except the fault tests, which
    // stop servers and time their recovery: those run alone afterwards.
    const e2e = ["--ci", "-c", "jest.e2e.config.mjs", "--forceExit"];
    jestStep("Tests de bout en bout (Chromium)", [...e2e, "--maxWorkers=2", "--testPathIgnorePatterns", ...SERIAL_E2E]);
    jestStep("Tests de bout en bout avec pannes (Chromium, un à la fois)", [...e2e, "--maxWorkers=1", ...SERIAL_E2E]);
  } else {
    problems.push("next build a échoué : tests navigateur non lancés");
  }
} else {
  skips.push(`tests de bout en bout dans Chromium : ${chromium.reason}`);
  console.log(`\n━━ Tests de bout en bout : IGNORÉS — ${chromium.reason}`);
}

const verdict = judge({ steps, skips, problems, requireAll: requireAll() });
console.log("\n━━ Bilan");
for (const line of verdict.lines) console.log(line);
process.exit(verdict.ok ? 0 : 1);
