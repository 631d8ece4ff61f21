import "server-only";

import { nextSharedReadsGeneration } from "./shared-reads-generation";

// Reads every visitor shares — the town's settings on every page, the home page's news, useful
// contacts and services — kept in this process for a few seconds instead of asked of the
// database on each request (the home page went from 194 to about 300 requests per second on a
// town of 10,000 families: tests/bench/http.bench.ts). Each staff change to them calls
// forgetSharedReads() once its transaction has committed, so the instance that made it shows
// it at once; another instance behind the same load balancer (or a change made straight in the
// database) shows it within SHARED_READ_TTL_MS. The cache is per database object: tests and
// portals on other databases never see each other's values, and a failed read is not kept.

/** How long another instance may show the previous value after a change. */
export const SHARED_READ_TTL_MS = 10_000;

type Entry = { readAt: number; value: Promise<unknown> };

let entries = new WeakMap<object, Map<string, Entry>>();

/** `load()`'s result for `key` on `db`, read at most once per SHARED_READ_TTL_MS in this process. */
export function sharedRead<T>(db: object, key: string, load: () => Promise<T>): Promise<T> {
  let byKey = entries.get(db);
  if (!byKey) entries.set(db, (byKey = new Map()));
  const now = performance.now();
  const hit = byKey.get(key);
  if (hit && now - hit.readAt < SHARED_READ_TTL_MS) return hit.value as Promise<T>;
  const value = load();
  const entry = { readAt: now, value };
  byKey.set(key, entry);
  const owner = byKey;
  value.catch(() => {
    if (owner.get(key) === entry) owner.delete(key);
  });
  return value;
}

/**
 * After a change to the town's settings, news, contacts, activities or service documents: the
 * reads, and the copies of the pages made from them (lib/server/page-copy.ts).
 */
export function forgetSharedReads(): void {
  entries = new WeakMap();
  nextSharedReadsGeneration();
}
