// The figures every benchmark reports, computed one way (tests/bench/*.bench.ts).

/**
 * The p-th percentile by the nearest-rank method: the smallest value that at least p % of the
 * values do not exceed. NaN for no values (a run with no success has no latency).
 */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function latencySummary(values: number[]): { p50: number; p95: number } {
  return { p50: percentile(values, 50), p95: percentile(values, 95) };
}

/** `runs` in an order that cancels a linear drift (data growing, a cache warming): A B B A A B B A… */
export function abbaOrder<T>(runs: [T, T], rounds: number): T[] {
  return Array.from({ length: rounds }, (_, round) => (round % 2 === 0 ? runs : [runs[1], runs[0]])).flat();
}
