// The figures of every benchmark (tests/bench/bench-stats.ts): one percentile for all.
import { abbaOrder, latencySummary, percentile } from "../bench/bench-stats";

describe("benchmark figures", () => {
  it("takes percentiles by nearest rank, whatever the order of the values", () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index); // 100 … 1
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 100)]).toEqual([50, 95, 100]);
    expect(latencySummary([4, 1, 3, 2])).toEqual({ p50: 2, p95: 4 });
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(values[0]).toBe(100); // the caller's array is left as it was
  });

  it("orders the runs A B B A, so that a steady drift weighs on both sides alike", () => {
    expect(abbaOrder(["ours", "pg"], 2)).toEqual(["ours", "pg", "pg", "ours"]);
    expect(abbaOrder(["ours", "pg"], 3)).toEqual(["ours", "pg", "pg", "ours", "ours", "pg"]);
  });
});
