export type JestReport = {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults?: { name: string; assertionResults?: { status: string; fullName: string }[] }[];
};
export type StepResult = { title: string; passed: number; failed: number; skipped: number; notRun: string[]; problems: string[] };
export function readJestReport(title: string, report: JestReport, options: { exitedOk: boolean; root?: string }): StepResult;
export function missingReport(title: string): StepResult;
export function judge(input: { steps: StepResult[]; skips?: string[]; problems?: string[]; requireAll?: boolean }): {
  ok: boolean;
  totals: { passed: number; failed: number; skipped: number };
  problems: string[];
  lines: string[];
};
