// Where mail goes: an SMTP server when one is configured (SMTP_URL, or SMTP_HOST…), otherwise
// the database outbox that the development page /dev/outbox shows.
import nodemailer from "nodemailer";

export type MailConfig = { kind: "smtp"; transport: nodemailer.Transporter; from: string } | { kind: "outbox"; from: string };

export function mailConfigFromEnv(env: Record<string, string | undefined> = process.env): MailConfig {
  const from = env.MAIL_FROM ?? "Portail Familles <no-reply@portail-familles.local>";
  if (env.SMTP_URL) return { kind: "smtp", transport: nodemailer.createTransport(env.SMTP_URL), from };
  if (env.SMTP_HOST) {
    return {
      kind: "smtp",
      from,
      transport: nodemailer.createTransport({
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
