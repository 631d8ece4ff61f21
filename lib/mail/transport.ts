// Where delivery (lib/mail/delivery.ts) writes mail: an SMTP server when one is configured
// (SMTP_URL, or SMTP_HOST…), otherwise nowhere but the outbox table itself, which the
// development page /dev/outbox shows.
import nodemailer from "nodemailer";

export type MailConfig = { kind: "smtp"; transport: nodemailer.Transporter; from: string } | { kind: "outbox"; from: string };

/**
 * nodemailer's waits, far below the delivery lease (LEASE_MS in delivery.ts, 5 min): the worst
 * case of one message — connect, greeting, then ~7 commands each allowed 30 s of silence — is
 * under 4 minutes, so a live runner never has its claim taken over while it still talks to the
 * server (nodemailer's own defaults are 2 min, 30 s and 10 min).
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

export function mailConfigFromEnv(env: Record<string, string | undefined> = process.env): MailConfig {
  const from = env.MAIL_FROM ?? "Portail Familles <no-reply@portail-familles.local>";
  if (env.SMTP_URL) return { kind: "smtp", transport: nodemailer.createTransport({ ...SMTP_TIMEOUTS, url: env.SMTP_URL }), from };
  if (env.SMTP_HOST) {
    return {
      kind: "smtp",
      from,
      transport: nodemailer.createTransport({
        ...SMTP_TIMEOUTS,
        host: env.SMTP_HOST,
        port: Number(env.SMTP_PORT ?? 587),
        secure: env.SMTP_SECURE === "true",
        auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
      }),
    };
  }
  if (env.NODE_ENV === "production") {
    throw new Error("SMTP non configuré : définissez SMTP_URL (ou SMTP_HOST) en production.");
  }
  return { kind: "outbox", from };
}

/** The domain of the sender's address, for Message-IDs (`<id@domain>`). */
export function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split("@")[1]?.trim().toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : "portail-familles.local";
}
