// Which real services this machine offers the tests. Each answer carries the reason a suite is
// skipped when the service is missing, so a skip is always printed with its cause.
import fs from "node:fs";
import net from "node:net";

export const DEFAULT_PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test";

export function pgAdminUrl() {
  return process.env.TEST_PG_ADMIN_URL ?? DEFAULT_PG_ADMIN_URL;
}

export async function probePostgres() {
  if (process.env.PORTAIL_TEST_NO_PG === "1") return { ok: false, reason: "PORTAIL_TEST_NO_PG=1" };
  const url = new URL(pgAdminUrl());
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 5432) });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(2000, () => done({ ok: false, reason: `aucun serveur PostgreSQL ne répond sur ${url.host} (délai dépassé)` }));
    socket.once("connect", () => done({ ok: true }));
    socket.once("error", (error) => done({ ok: false, reason: `aucun serveur PostgreSQL sur ${url.host} (${error.code ?? error.message})` }));
  });
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function probeChromium() {
  if (process.env.PORTAIL_TEST_NO_BROWSER === "1") return { ok: false, reason: "PORTAIL_TEST_NO_BROWSER=1" };
  return fs.existsSync(CHROMIUM_PATH)
    ? { ok: true }
    : { ok: false, reason: `Chromium introuvable (${CHROMIUM_PATH}) : apt-get install -y chromium` };
}
