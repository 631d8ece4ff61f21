#!/usr/bin/env node
// `npm test`: the whole suite, in order — lint and types, unit and integration tests (PGlite
// always, PostgreSQL when reachable), then the production build and the browser tests (when
// Chromium is installed). Whatever a machine lacks is skipped with its reason printed; CI
// (.ci/run) provides everything, so there it skips nothing. Ends with one line
// "N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { probeChromium, probePostgres } from "../tests/helpers/probe-services.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const env = {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--no-warnings=ExperimentalWarning"].filter(Boolean).join(" "),
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL; // tests choose their own databases

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const skips = [];

function step(title, command, args, options = {}) {
  console.log(`\n━━ ${title}\n$ ${[path.relative(root, command) || command, ...args].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...options.env }, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`━━ ${title} : ${result.status === 0 ? "OK" : `ÉCHEC (code ${result.status ?? result.signal})`} en ${seconds} s`);
  return result.status === 0;
}

function jestStep(title, args) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portail-jest-")), "report.json");
  const ok = step(title, bin("jest"), [...args, "--json", `--outputFile=${report}`]);
  if (!fs.existsSync(report)) {
    problems.push(`${title} : jest n'a produit aucun rapport`);
    totals.failed += 1;
    return;
  }
  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  totals.skipped += json.numPendingTests + json.numTodoTests;
  if (json.numTotalTests === 0) problems.push(`${title} : aucun test exécuté`);
  if (!ok && json.numFailedTests === 0) {
    problems.push(`${title} : jest a échoué (suite en erreur)`);
    totals.failed += Math.max(1, json.numFailedTestSuites);
  }
}

const [postgres, chromium] = [await probePostgres(), probeChromium()];
console.log("Portail Familles — suite de tests complète");
console.log(`PostgreSQL : ${postgres.ok ? "disponible (tests sur PGlite et PostgreSQL)" : `ABSENT — ${postgres.reason}`}`);
console.log(`Chromium   : ${chromium.ok ? "disponible" : `ABSENT — ${chromium.reason}`}`);
if (!postgres.ok) skips.push(`tests d'intégration sur PostgreSQL (ils tournent sur PGlite seulement) : ${postgres.reason}`);

if (!step("Lint (ESLint)", bin("eslint"), ["."])) problems.push("ESLint signale des erreurs");
if (!step("Types (tsc)", bin("tsc"), ["--noEmit"])) problems.push("tsc signale des erreurs de types");

jestStep("Tests unitaires et d'intégration", ["--ci"]);

if (chromium.ok) {
  if (step("Build de production (next build)", bin("next"), ["build"])) {
    jestStep("Tests de bout en bout (Chromium)", ["--ci", "-c", "jest.e2e.config.mjs", "--forceExit"]);
  } else {
    problems.push("next build a échoué : tests navigateur non lancés");
    totals.failed += 1;
  }
} else {
  skips.push(`tests de bout en bout dans Chromium : ${chromium.reason}`);
  console.log(`\n━━ Tests de bout en bout : IGNORÉS — ${chromium.reason}`);
}

// CI provides every service: there, a skip is a failure.
if (process.env.PORTAIL_REQUIRE_ALL === "1") {
  for (const skip of skips) problems.push(`PORTAIL_REQUIRE_ALL=1 mais ${skip}`);
}

console.log("\n━━ Bilan");
for (const skip of skips) console.log(`Ignoré : ${skip}`);
for (const problem of problems) console.log(`Problème : ${problem}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 && problems.length === 0 ? 0 : 1);
