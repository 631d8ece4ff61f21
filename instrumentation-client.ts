// Runs in the browser before the app hydrates (Next.js instrumentation-client).
//
// The pages' CSP refuses eval (proxy.ts). Zod 4 would probe `new Function` to compile its
// object parsers; the probe fails quietly but the browser reports a CSP violation each time.
// The forms' schemas parse fine without that compilation. Zod keeps its settings on
// `globalThis.__zod_globalConfig` (what `z.config()` writes) and adopts an object already there:
// setting it here, without importing zod, keeps zod (~31 KiB compressed) out of the pages that
// have no form schema — the home page among them (tests/unit/instrumentation-client.test.ts checks it).
const zodSettings = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
(zodSettings.__zod_globalConfig ??= {}).jitless = true;
export {};
