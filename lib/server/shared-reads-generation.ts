// How many times this process has forgotten its shared reads (lib/server/shared-reads.ts): the
// copied pages (lib/server/page-copy.ts) are only served while this has not moved since each
// copy was made. On globalThis, because proxy.ts is bundled apart from the pages and the server actions
// that forget: each bundle has its own module instances, but they run in one process.
// No "server-only": proxy.ts imports it.

const GENERATION = Symbol.for("portail.sharedReadsGeneration");

type Holder = { [GENERATION]?: number };

export function sharedReadsGeneration(): number {
  return (globalThis as Holder)[GENERATION] ?? 0;
}

export function nextSharedReadsGeneration(): void {
  (globalThis as Holder)[GENERATION] = sharedReadsGeneration() + 1;
}
