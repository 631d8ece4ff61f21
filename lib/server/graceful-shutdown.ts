// Graceful shutdown of a `next start` (or `next dev`) instance, on SIGTERM (issue 13, point 4):
//   1. at once, /api/health answers 503 « arrêt en cours » (load balancers stop sending);
//   2. the instance keeps serving for a short drain (SHUTDOWN_DRAIN_SECONDS, default 5), for the
//      requests a load balancer sent before it noticed;
//   3. it stops taking requests, finishes the ones in flight and the running jobs;
//   4. it exits — within 30 s of the signal in all, whatever hangs.
//
// Step 3 is Next's own: its start-server (next/dist/server/lib/start-server.js) registers a
// SIGTERM/SIGINT listener before instrumentation's register() runs, which closes the HTTP server,
// waits for the requests in flight, closes Next and exits 143. We take those listeners off the
// signals and call them after our drain, rather than set NEXT_MANUAL_SIG_HANDLE: with that
// variable Next registers nothing and we would have no hold on its HTTP server to close it.
// Next's listener ends with process.exit(): that exit waits until the jobs have stopped.
import { startDraining } from "./draining";

export const SHUTDOWN_LIMIT_MS = 30_000;

type Signal = "SIGTERM" | "SIGINT";

export type GracefulShutdownOptions = {
  drainMs: number;
  /** Stops the background work; `timeoutMs` is what is left for it. */
  stopWork(timeoutMs: number): Promise<void>;
};

const holder = globalThis as typeof globalThis & { __portailShutdownInstalled?: boolean };

export function drainMsFromEnv(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.SHUTDOWN_DRAIN_SECONDS ?? 5);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 20) * 1000 : 5000;
}

export function installGracefulShutdown(options: GracefulShutdownOptions): void {
  if (holder.__portailShutdownInstalled) return;
  holder.__portailShutdownInstalled = true;
  const theirs = { SIGTERM: process.listeners("SIGTERM"), SIGINT: process.listeners("SIGINT") };
  let started = false;

  const shutdown = async (signal: Signal) => {
    if (started) return;
    started = true;
    const startedAt = Date.now();
    const realExit = process.exit.bind(process);
    const hardLimit = setTimeout(() => {
      console.error(`[arrêt] toujours en cours après ${SHUTDOWN_LIMIT_MS / 1000} s : arrêt forcé`);
      realExit(1);
    }, SHUTDOWN_LIMIT_MS);
    hardLimit.unref();

    startDraining();
    // An interactive Ctrl-C (SIGINT) has no load balancer to wait for.
    const drainMs = signal === "SIGTERM" ? options.drainMs : 0;
    console.info(`[arrêt] ${signal} reçu : /api/health répond 503, arrêt dans ${drainMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, drainMs));

    // What is left of the 30 s, less a margin for Next to close and the process to exit.
    const left = Math.max(1000, SHUTDOWN_LIMIT_MS - (Date.now() - startedAt) - 3000);
    const workStopped = options.stopWork(left).catch((error) => console.error("[arrêt] tâches de fond", error));
    const exitCode = signal === "SIGTERM" ? 143 : 130;
    process.exit = ((code?: number) => {
      void workStopped.finally(() => realExit(code ?? exitCode));
    }) as typeof process.exit;

    if (theirs[signal].length === 0) {
      await workStopped;
      realExit(exitCode);
      return;
    }
    for (const listener of theirs[signal]) (listener as (signal: Signal) => void)(signal);
  };

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    for (const listener of theirs[signal]) process.removeListener(signal, listener as () => void);
    process.on(signal, () => void shutdown(signal));
  }
}
