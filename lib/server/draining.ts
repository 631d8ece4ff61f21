// "This instance is shutting down": set on SIGTERM (lib/server/graceful-shutdown.ts), read by
// /api/health so that load balancers stop sending requests. On globalThis: instrumentation and
// the route handlers are separate bundles of one process.
const holder = globalThis as typeof globalThis & { __portailDraining?: boolean };

export function isDraining(): boolean {
  return holder.__portailDraining === true;
}

export function startDraining(): void {
  holder.__portailDraining = true;
}
