// When the admin home raises its alert « des e-mails ne partent plus » (issue 13: "mails failing for
// more than an hour"). Pure, so that the rule is unit-tested; lib/mail/outbox-admin.ts asks the
// database the same question (FAILING_OVER_AN_HOUR_WHERE), and a test holds the two together.
//
// A mail counts when it was given up (FAILED: its 48-hour schedule ran out, or a send was
// interrupted twice — « Envoi incertain »), or when it is still being retried (PENDING or SENDING)
// after a failure (lastError) and was written more than an hour ago (createdAt).
// Any number of attempts: while the SMTP server is unreachable, delivery (lib/mail/delivery.ts,
// holdDueMails) holds the other due mails with the failed one's error and their attempts unchanged,
// so a mail that failed may have 0 attempts of its own; a mail just put back by « Renvoyer » (its
// error kept, attempts 0) also still counts until its next attempt, seconds later, succeeds.
// Why createdAt for "its first failure": the outbox keeps no first-failure time, and the first
// attempt is dispatched as soon as the mail commits, so the first failure follows createdAt within
// seconds while the job runtime runs; when the runtime was stopped, a mail waiting for over an hour
// whose attempt then fails deserves the alert all the more. The alert's "since" is the oldest such
// mail's createdAt: the time the oldest undelivered mail was written.
import type { OutboxMailStatus } from "@/lib/db/generated/client";

export const FAILING_ALERT_AFTER_MS = 60 * 60 * 1000;

export type TFailingMailFacts = { status: OutboxMailStatus; lastError: string | null; createdAt: Date };

export function isFailingForOverAnHour(mail: TFailingMailFacts, now: Date): boolean {
  if (mail.status === "FAILED") return true;
  if (mail.status === "SENT") return false;
  return mail.lastError !== null && mail.createdAt.getTime() <= now.getTime() - FAILING_ALERT_AFTER_MS;
}
