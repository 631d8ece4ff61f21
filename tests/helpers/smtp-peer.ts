// A real SMTP server on localhost (smtp-server), for tests that check what the portal sends:
// mails travel through nodemailer and SMTP exactly as in production, and are parsed back.
import crypto from "node:crypto";

import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

import { SMTP_TIMEOUTS, type MailConfig } from "@/lib/mail/transport";

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; html: string; messageId: string };

export type SmtpPeer = {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Connections that broke (e.g. reset by a client killed in the middle of a message): recorded, not thrown. */
  connectionErrors: Error[];
  mailConfig: MailConfig;
  /** Resolves when `count` mails in all have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /**
   * Resolves when every mail already on its way has arrived, with `mails`: a marker is sent
   * through this peer and received, then the peer waits until no SMTP connection is left open —
   * a mail whose sending had begun is then in `mails` (or was refused). The replacement of
   * "wait a moment and see that nothing came"; markers never appear in `mails`.
   */
  settle(timeoutMs?: number): Promise<ReceivedMail[]>;
  /**
   * Refuse every recipient with this SMTP reply from now on (e.g. `{ code: 550, message: "Boîte
   * inconnue" }`), or accept again (`null`): a message-level refusal, the connection itself works.
   */
  refuseRecipients(reply: { code: number; message: string } | null): void;
  /** Stops listening (connections are refused: an SMTP server that is down); `start()` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

const MARKER_ADDRESS = "marqueur@smtp-peer.test";

export type SmtpPeerOptions = {
  /** Listen on this port (e.g. the one a portal was given while no server listened there). */
  port?: number;
  /** Answer each message only after this long: a slow SMTP server. */
  delayMs?: number;
};

export async function startSmtpPeer(options: SmtpPeerOptions = {}): Promise<SmtpPeer> {
  const mails: ReceivedMail[] = [];
  const markers = new Set<string>();
  let refusal: { code: number; message: string } | null = null;
  let openConnections = 0;
  const connectionErrors: Error[] = [];
  const createServer = () => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refusal && address.address !== MARKER_ADDRESS) {
          return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            if (session.envelope.rcptTo.some((rcpt) => rcpt.address === MARKER_ADDRESS)) {
              markers.add(parsed.subject ?? "");
              return callback();
            }
            const received = {
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              messageId: parsed.messageId ?? "",
            };
            if (!options.delayMs) {
              mails.push(received);
              return callback();
            }
            setTimeout(() => {
              mails.push(received);
              callback();
            }, options.delayMs);
          })
          .catch(callback);
      },
    });
    // A client that dies in the middle of a message (an instance killed by a fault test) resets
    // its connection: smtp-server reports it as an "error" event, which with no listener would
    // be thrown in the test's process. A real server logs it and carries on; so does this one.
    server.on("error", (error: Error) => connectionErrors.push(error));
    server.server.on("connection", (socket: import("node:net").Socket) => {
      openConnections += 1;
      socket.once("close", () => (openConnections -= 1));
    });
    return server;
  };
  const listen = (server: SMTPServer, port: number) =>
    new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.server.off("error", reject);
        resolve();
      });
    });
  let server: SMTPServer | null = createServer();
  await listen(server, options.port ?? 0);
  const port = (server.server.address() as { port: number }).port;
  const closeServer = async () => {
    const closing = server;
    server = null;
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  const url = `smtp://127.0.0.1:${port}`;
  const until = async (done: () => boolean, timeoutMs: number, what: () => string) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(what());
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const markerTransport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  return {
    port,
    url,
    mails,
    connectionErrors,
    mailConfig: {
      kind: "smtp",
      from: "Portail Familles <no-reply@portail.test>",
      transport: nodemailer.createTransport({ ...SMTP_TIMEOUTS, host: "127.0.0.1", port, secure: false, ignoreTLS: true }),
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mail(s), received ${mails.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return mails;
    },
    async settle(timeoutMs = 10_000) {
      const marker = crypto.randomUUID();
      await markerTransport.sendMail({ from: "tests@smtp-peer.test", to: MARKER_ADDRESS, subject: marker, text: marker });
      await until(
        () => markers.has(marker),
        timeoutMs,
        () => "the SMTP peer did not receive its marker",
      );
      await until(
        () => openConnections === 0,
        timeoutMs,
        () => `${openConnections} SMTP connection(s) still open after ${timeoutMs} ms`,
      );
      return mails;
    },
    refuseRecipients(reply) {
      refusal = reply;
    },
    stop: closeServer,
    async start() {
      if (server) return;
      server = createServer();
      await listen(server, port);
    },
    close: closeServer,
  };
}
