// Runs in the browser before the app hydrates (Next.js instrumentation-client).
import { z } from "zod";

// The pages' CSP refuses eval (proxy.ts). Zod 4 would probe `new Function` to compile its
// object parsers; the probe fails quietly but the browser reports a CSP violation each time.
// The forms' schemas parse fine without that compilation.
z.config({ jitless: true });
