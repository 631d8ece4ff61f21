// The French words of the staff page « Envois »: a mail's state, the filters, the background jobs,
// and what decided a mail (its kind).
import type { OutboxMailStatus } from "@/lib/db/generated/client";

/** The page's filters (`?etat=`): the three states an administrator asks about. */
export const OUTBOX_VIEW_LABELS = {
  "en-attente": "En attente",
  "en-echec": "En échec",
  envoyes: "Envoyés",
} as const;
export type TOutboxView = keyof typeof OUTBOX_VIEW_LABELS;
export const OUTBOX_VIEWS = Object.keys(OUTBOX_VIEW_LABELS) as TOutboxView[];

/**
 * A mail's state in words. A PENDING row with an error waits for a new attempt after a failure (its
 * own, the outage's — delivery holds the other mails with the failed one's error — or the one
 * before « Renvoyer »); the error itself is shown beside it.
 */
export function mailStateLabel(mail: { status: OutboxMailStatus; lastError: string | null }): string {
  switch (mail.status) {
    case "PENDING":
      return mail.lastError ? "En attente d'un nouvel essai" : "En attente";
    case "SENDING":
      return mail.lastError ? "Nouvel essai en cours" : "Envoi en cours";
    case "SENT":
      return "Envoyé";
    case "FAILED":
      return "En échec, abandonné";
  }
}

// The job runtime's queue names (lib/jobs/); a job not listed here is shown by its name.
const JOB_LABELS: Record<string, string> = {
  "mail-dispatch": "Envoi des e-mails",
  "mail-sweep": "Reprise des e-mails en attente",
  "daily-purge": "Purges quotidiennes (journal, jetons et limitations expirés)",
  "payfip-poll": "Vérification des paiements en ligne (PayFiP)",
  "early-childhood-confirmations": "Confirmation des demandes de place en crèche",
};

/** The jobs the page always lists, even before their first run. */
export const KNOWN_JOBS = Object.keys(JOB_LABELS);

export const jobLabel = (job: string): string => (Object.hasOwn(JOB_LABELS, job) ? JOB_LABELS[job] : job);

/** A job run's duration: "0,4 s", "12 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1).replace(".", ",")} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const pad = (value: number) => String(value).padStart(2, "0");
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${pad(Math.floor((seconds % 3600) / 60))} min`;
}
