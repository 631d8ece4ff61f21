// The judgement of `npm test` (scripts/test.mjs), kept free of I/O so that it is unit-tested
// (tests/unit/test-verdict.test.ts): what one Jest `--json` report adds to the totals, and
// whether the whole run passes. Under PORTAIL_REQUIRE_ALL=1 (CI) nothing may be left out: a
// missing service, a skipped test or a todo fails the run, each named.
import path from "node:path";

/**
 * What a Jest `--json` report says. `exitedOk` is Jest's exit status: a run can fail with no
 * failed test (a suite that does not load, a global setup that throws, a timeout).
 */
export function readJestReport(title, report, { exitedOk, root = "" }) {
  const notRun = [];
  for (const file of report.testResults ?? []) {
    const where = root ? path.relative(root, file.name) : file.name;
    for (const test of file.assertionResults ?? []) {
      if (test.status === "pending" || test.status === "skipped" || test.status === "todo" || test.status === "disabled") {
        notRun.push(`${where} › ${test.fullName}${test.status === "todo" ? " (todo)" : ""}`);
      }
    }
  }
  const problems = [];
  let failed = report.numFailedTests;
  if (report.numTotalTests === 0) problems.push(`${title} : aucun test exécuté`);
  if (!exitedOk && report.numFailedTests === 0) {
    problems.push(`${title} : jest a échoué (suite en erreur)`);
    failed += Math.max(1, report.numFailedTestSuites);
  }
  // Every test is counted once, in one of three columns (the suite-level failure above aside).
  const skipped = report.numPendingTests + report.numTodoTests;
  if (report.numPassedTests + report.numFailedTests + skipped !== report.numTotalTests) {
    problems.push(
      `${title} : rapport incohérent (${report.numPassedTests} réussis + ${report.numFailedTests} échoués + ${skipped} ignorés ≠ ${report.numTotalTests} tests)`,
    );
  }
  return { title, passed: report.numPassedTests, failed, skipped, notRun, problems };
}

/** A Jest step that left no report at all (it crashed before writing it). */
export function missingReport(title) {
  return { title, passed: 0, failed: 1, skipped: 0, notRun: [], problems: [`${title} : jest n'a produit aucun rapport`] };
}

/**
 * The run's verdict. `steps`: readJestReport results; `skips`: parts of the suite not started
 * (a service missing), with their reason; `problems`: other failures (lint, types, build).
 */
export function judge({ steps, skips = [], problems = [], requireAll = false }) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const allProblems = [...problems];
  const ignored = [...skips];
  for (const step of steps) {
    totals.passed += step.passed;
    totals.failed += step.failed;
    totals.skipped += step.skipped;
    allProblems.push(...step.problems);
    for (const name of step.notRun) ignored.push(`test ${name}`);
  }
  // CI provides every service: there, anything left out is a failure.
  if (requireAll) for (const what of ignored) allProblems.push(`PORTAIL_REQUIRE_ALL=1 mais ignoré : ${what}`);
  const lines = [
    ...(requireAll ? [] : ignored.map((what) => `Ignoré : ${what}`)),
    ...allProblems.map((problem) => `Problème : ${problem}`),
    `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
  ];
  return { ok: totals.failed === 0 && allProblems.length === 0, totals, problems: allProblems, lines };
}
