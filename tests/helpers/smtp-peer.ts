// A real SMTP server on localhost (smtp-server), for tests that check what the portal sends:
// mails travel through nodemailer and SMTP exactly as in production, and are parsed back.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import nodemailer from "nodemailer";
import type { MailConfig } from "@/lib/mail/transport";

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; html: string };

export type SmtpPeer = {
  port: number;
  url: string;
  mails: ReceivedMail[];
  mailConfig: MailConfig;
  /** Resolves when `count` mails in all have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
};

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  const url = `smtp://127.0.0.1:${port}`;
  return {
    port,
    url,
    mails,
    mailConfig: {
      kind: "smtp",
      from: "Portail Familles <no-reply@portail.test>",
      transport: nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }),
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mail(s), received ${mails.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
