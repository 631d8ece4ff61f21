import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";

import { listOutboxMails } from "@/lib/account/outbox";
import { formatDateTime } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Boîte d'envoi (développement)" };

// Development only: the outbox — every mail the portal wrote, with its delivery state. With no SMTP
// server configured, delivery marks mails sent right here (the development "transport").
export default async function OutboxPage() {
  await connection();
  if (process.env.NODE_ENV === "production") notFound();
  const db = getDb();
  const mails = await listOutboxMails(db);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">Boîte d&apos;envoi (développement)</h1>
      <p>
        Les messages écrits par le portail, les plus récents d&apos;abord ({mails.length}), avec leur état d&apos;envoi. Sans
        serveur SMTP configuré, l&apos;envoi les marque « Envoyé » ici même. Cette page n&apos;existe pas en production.
      </p>
      {mails.length === 0 ? <p className="text-muted">Aucun message.</p> : null}
      <ol className="space-y-4">
        {mails.map((mail) => (
          <li key={mail.id}>
            <article aria-labelledby={`mail-${mail.id}`} className="rounded-lg bg-white p-4 shadow">
              <h2 id={`mail-${mail.id}`} className="text-lg font-bold">
                {mail.subject}
              </h2>
              <p className="text-sm text-muted">
                À {mail.to} — {formatDateTime(mail.createdAt)} — <span className="font-bold">{mail.statusLabel}</span>
                {mail.attempts > 1 ? ` (${mail.attempts} tentatives)` : null}
              </p>
              {mail.lastError ? (
                <p className="mt-1 text-sm text-accent">
                  <span className="font-bold">Erreur :</span> {mail.lastError}
                </p>
              ) : null}
              {mail.links.length ? (
                <ul className="mt-2 list-disc pl-5">
                  {mail.links.map((link) => (
                    <li key={link}>
                      <a href={link} className="break-all text-brand underline">
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-surface p-3 text-sm">{mail.text}</pre>
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
