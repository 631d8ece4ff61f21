// The judgement of `npm test` (scripts/test-verdict.mjs), on Jest reports shaped like the real
// ones: CI (PORTAIL_REQUIRE_ALL=1) fails on a stray `it.skip` or `it.todo`, names it, and the
// totals count every test once.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { judge, missingReport, readJestReport } from "../../scripts/test-verdict.mjs";

type Status = "passed" | "failed" | "pending" | "todo";

/** A Jest --json report of one file holding tests with these statuses. */
function report(file: string, statuses: Status[]) {
  const count = (status: Status) => statuses.filter((entry) => entry === status).length;
  return {
    numTotalTests: statuses.length,
    numPassedTests: count("passed"),
    numFailedTests: count("failed"),
    numPendingTests: count("pending"),
    numTodoTests: count("todo"),
    numFailedTestSuites: count("failed") ? 1 : 0,
    testResults: [
      {
        name: `/repo/${file}`,
        assertionResults: statuses.map((status, index) => ({ status, fullName: `suite test ${index + 1}` })),
      },
    ],
  };
}

const root = "/repo";

describe("the verdict of npm test", () => {
  it("fails CI on a skipped test, naming it, and passes the same run on a developer's machine", () => {
    const step = readJestReport(
      "Tests unitaires et d'intégration",
      report("tests/integration/a.test.ts", ["passed", "pending", "passed"]),
      { exitedOk: true, root },
    );
    expect(step.notRun).toEqual(["tests/integration/a.test.ts › suite test 2"]);

    const ci = judge({ steps: [step], requireAll: true });
    expect(ci.ok).toBe(false);
    expect(ci.problems).toEqual(["PORTAIL_REQUIRE_ALL=1 mais ignoré : test tests/integration/a.test.ts › suite test 2"]);
    expect(ci.lines.at(-1)).toBe("2 passed, 0 failed, 1 skipped");

    const local = judge({ steps: [step], requireAll: false });
    expect(local.ok).toBe(true);
    expect(local.lines).toEqual(["Ignoré : test tests/integration/a.test.ts › suite test 2", "2 passed, 0 failed, 1 skipped"]);
  });

  it("fails CI on a todo test and on a missing service", () => {
    const step = readJestReport("e2e", report("tests/e2e/b.test.ts", ["passed", "todo"]), { exitedOk: true, root });
    const verdict = judge({
      steps: [step],
      skips: ["tests de bout en bout dans Chromium : Chromium introuvable"],
      requireAll: true,
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([
      "PORTAIL_REQUIRE_ALL=1 mais ignoré : tests de bout en bout dans Chromium : Chromium introuvable",
      "PORTAIL_REQUIRE_ALL=1 mais ignoré : test tests/e2e/b.test.ts › suite test 2 (todo)",
    ]);
  });

  it("passes CI when every test ran and passed", () => {
    const steps = [
      readJestReport("unit", report("lib/x.test.ts", ["passed", "passed"]), { exitedOk: true, root }),
      readJestReport("e2e", report("tests/e2e/y.test.ts", ["passed"]), { exitedOk: true, root }),
    ];
    expect(judge({ steps, requireAll: true })).toMatchObject({
      ok: true,
      problems: [],
      lines: ["3 passed, 0 failed, 0 skipped"],
    });
  });

  it("counts each test once across the unit and the browser runs", () => {
    const steps = [
      readJestReport("unit", report("lib/x.test.ts", ["passed", "failed", "pending"]), { exitedOk: false, root }),
      readJestReport("e2e", report("tests/e2e/y.test.ts", ["passed", "passed", "passed", "todo"]), { exitedOk: true, root }),
    ];
    const verdict = judge({ steps });
    expect(verdict.totals).toEqual({ passed: 4, failed: 1, skipped: 2 });
    expect(verdict.ok).toBe(false);
  });

  it("fails a run whose Jest failed without a failed test, or left no report, or ran nothing", () => {
    const crashed = readJestReport("unit", report("lib/x.test.ts", ["passed"]), { exitedOk: false, root });
    expect(crashed).toMatchObject({ failed: 1, problems: ["unit : jest a échoué (suite en erreur)"] });
    expect(judge({ steps: [missingReport("e2e")] })).toMatchObject({
      ok: false,
      problems: ["e2e : jest n'a produit aucun rapport"],
    });
    const empty = readJestReport("e2e", report("tests/e2e/z.test.ts", []), { exitedOk: true, root });
    expect(judge({ steps: [empty] })).toMatchObject({ ok: false, problems: ["e2e : aucun test exécuté"] });
  });

  it("fails on other problems (lint, types, build) even when every test passed", () => {
    const step = readJestReport("unit", report("lib/x.test.ts", ["passed"]), { exitedOk: true, root });
    expect(judge({ steps: [step], problems: ["tsc signale des erreurs de types"] }).ok).toBe(false);
  });

  it("reads a real Jest report: a stray it.skip and an it.todo fail CI, by name", () => {
    const repo = path.resolve(__dirname, "../..");
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portail-verdict-")), "report.json");
    const config = { rootDir: repo, testMatch: ["<rootDir>/tests/unit/fixtures/stray-skip.fixture.js"], testEnvironment: "node" };
    const run = spawnSync(
      path.join(repo, "node_modules/.bin/jest"),
      ["--ci", "--config", JSON.stringify(config), "--json", `--outputFile=${output}`],
      { cwd: repo, encoding: "utf8" },
    );
    expect(run.status).toBe(0); // Jest itself is content with skips: the verdict is not
    const step = readJestReport("unit", JSON.parse(fs.readFileSync(output, "utf8")), { exitedOk: true, root: repo });
    fs.rmSync(path.dirname(output), { recursive: true, force: true });
    const where = "tests/unit/fixtures/stray-skip.fixture.js › a suite someone left half-disabled";
    expect(step).toMatchObject({
      passed: 1,
      failed: 0,
      skipped: 2,
      notRun: [`${where} was skipped while debugging`, `${where} will be written later (todo)`],
    });
    expect(judge({ steps: [step], requireAll: true })).toMatchObject({
      ok: false,
      lines: expect.arrayContaining(["1 passed, 0 failed, 2 skipped"]),
    });
    expect(judge({ steps: [step], requireAll: false }).ok).toBe(true);
  }, 60_000);
});
