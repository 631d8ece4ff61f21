// The tests' SMTP server (tests/helpers/smtp-peer.ts) outlives a client that dies in the middle of
// a message, as a portal instance killed by tests/e2e/instance-crash.test.ts does: the reset is
// recorded, not thrown into the test's process, and the next mail is received.
import net from "node:net";

import nodemailer from "nodemailer";

import { startSmtpPeer } from "../helpers/smtp-peer";

/** Sends `line` (or nothing) and resolves with the server's next reply. */
function reply(socket: net.Socket, line?: string): Promise<string> {
  return new Promise((resolve) => {
    socket.once("data", (data) => resolve(data.toString()));
    if (line) socket.write(`${line}\r\n`);
  });
}

describe("the tests' SMTP peer", () => {
  it("records a connection reset in the middle of a message and keeps receiving mails", async () => {
    const peer = await startSmtpPeer();
    try {
      const socket = net.connect(peer.port, "127.0.0.1");
      expect(await reply(socket)).toMatch(/^220 /);
      expect(await reply(socket, "EHLO instance.test")).toMatch(/^250/);
      expect(await reply(socket, "MAIL FROM:<no-reply@portail.test>")).toMatch(/^250 /);
      expect(await reply(socket, "RCPT TO:<parent@exemple.fr>")).toMatch(/^250 /);
      socket.resetAndDestroy(); // a TCP reset, as when the process on the other end is killed

      const deadline = Date.now() + 5_000;
      while (peer.connectionErrors.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(peer.connectionErrors.map((error) => (error as NodeJS.ErrnoException).code)).toEqual(["ECONNRESET"]);

      await nodemailer.createTransport({ host: "127.0.0.1", port: peer.port, ignoreTLS: true }).sendMail({
        from: "no-reply@portail.test",
        to: "parent@exemple.fr",
        subject: "Après la coupure",
        text: "Reçu.",
      });
      expect((await peer.settle()).map((mail) => mail.subject)).toEqual(["Après la coupure"]);
    } finally {
      await peer.close();
    }
  });
});
