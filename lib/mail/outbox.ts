import "server-only";

import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";

import { mailQueued } from "./delivery-signal";
import type { MailKind } from "./kind-labels";
import type { RenderedMail } from "./render-mail";

// The transactional outbox (DESIGN.md "Background work"): the mail a change decides is written in
// that change's transaction — they commit together, or neither does — and lib/mail/delivery.ts
// sends it in the background, with retries. No request waits on SMTP.

/**
 * Writes one rendered mail, due now, inside the caller's transaction (pass the `tx`), and tells
 * this process's delivery runner. Returns the outbox row's id (its Message-ID derives from it).
 */
export async function enqueueMail(tx: Db, to: string, mail: RenderedMail, kind: MailKind): Promise<string> {
  const now = clock.now();
  const { id } = await tx.outboxMail.create({
    data: { to, subject: mail.subject, text: mail.text, html: mail.html, kind, nextAttemptAt: now, createdAt: now },
    select: { id: true },
  });
  mailQueued();
  return id;
}

/**
 * Many mails at once (the monthly invoicing's « Votre facture … est disponible »), in the caller's
 * transaction: written in batches of rows rather than one insert each.
 */
export async function enqueueMails(tx: Db, mails: { to: string; mail: RenderedMail; kind: MailKind }[]): Promise<number> {
  const now = clock.now();
  for (let start = 0; start < mails.length; start += 500) {
    await tx.outboxMail.createMany({
      data: mails.slice(start, start + 500).map(({ to, mail, kind }) => ({
        to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        kind,
        nextAttemptAt: now,
        createdAt: now,
      })),
    });
  }
  if (mails.length > 0) mailQueued();
  return mails.length;
}
