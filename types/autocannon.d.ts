// The part of autocannon's programmatic API the HTTP benchmark uses (tests/bench/http.bench.ts):
// the package ships no types.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
    };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      overallRate?: number;
      requests?: Request[];
    };
    type Result = {
      requests: { average: number; total: number };
      latency: { p50: number; p97_5: number; average: number };
      errors: number;
      timeouts: number;
      non2xx: number;
    };
    type Instance = EventEmitter & PromiseLike<Result>;
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
