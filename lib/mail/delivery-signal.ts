// "An outbox mail was just written": an in-process signal from enqueueMail (lib/mail/outbox.ts) to
// this process's job runtime (lib/jobs/), which then dispatches delivery soon instead of waiting
// for the next sweep. Nothing depends on it for correctness: a mail no listener hears of is
// delivered by the sweep. Kept on globalThis so that every bundle of the server shares one.
type Listener = () => void;

const holder = globalThis as typeof globalThis & { __portailMailQueued?: Set<Listener> };
const listeners = () => (holder.__portailMailQueued ??= new Set());

/** Tells this process's delivery runner, if any, that a mail is waiting (it commits with its transaction). */
export function mailQueued(): void {
  for (const listener of listeners()) listener();
}

/** Subscribes to mailQueued(); returns the unsubscribe. */
export function onMailQueued(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
