// npm run payfip:standin — our local PayFiP (lib/payfip/standin/server.ts) on PAYFIP_STANDIN_PORT
// (4510): the WSDL, both SOAP operations, the payment page with its three buttons, the
// notification and the return. Options by environment (or on the payment page's address:
// &notification=twice&param=idOp&place=query&delay=10000):
//   PAYFIP_STANDIN_NOTIFICATION  once (default) | none | twice | late
//   PAYFIP_STANDIN_DELAY_MS      the late notification's delay (3000)
//   PAYFIP_STANDIN_PARAM         idop (default) | idOp
//   PAYFIP_STANDIN_PLACE         body (default) | query
//
// `npm run dev` runs `tsx scripts/payfip-standin.ts --then next dev`: when PAYFIP_URL is unset the
// stand-in starts first and the portal is pointed at it, then `next dev` runs as a child process;
// stopping one stops the other. With PAYFIP_URL set, only `next dev` runs.
import { spawn } from "node:child_process";

import { standinUrl } from "@/lib/payfip/config";
import { DEFAULT_NOTIFICATION, startPayfipStandin, type NotificationOptions } from "@/lib/payfip/standin/server";

function notificationFromEnv(env: NodeJS.ProcessEnv): NotificationOptions {
  const mode = env.PAYFIP_STANDIN_NOTIFICATION?.trim();
  const param = env.PAYFIP_STANDIN_PARAM?.trim();
  const place = env.PAYFIP_STANDIN_PLACE?.trim();
  const delay = Number(env.PAYFIP_STANDIN_DELAY_MS?.trim() || DEFAULT_NOTIFICATION.delayMs);
  return {
    mode: mode === "none" || mode === "twice" || mode === "late" ? mode : "once",
    param: param === "idOp" ? "idOp" : "idop",
    place: place === "query" ? "query" : "body",
    delayMs: Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_NOTIFICATION.delayMs,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const then = args[0] === "--then" ? args.slice(1) : null;
  const external = process.env.PAYFIP_URL?.trim();
  let close: (() => Promise<void>) | null = null;
  if (!then || !external) {
    const port = Number(new URL(standinUrl()).port);
    const standin = await startPayfipStandin({
      port,
      notification: notificationFromEnv(process.env),
      log: (line) => console.info(`[payfip] ${line}`),
    });
    close = standin.close;
    console.info(`[payfip] simulateur PayFiP local sur ${standin.url} (notification : ${standin.notification.mode})`);
  }
  if (!then) {
    const stop = () => void close?.().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    return;
  }
  const [command, ...rest] = then;
  const child = spawn(command, rest, {
    stdio: "inherit",
    env: { ...process.env, PAYFIP_URL: external || standinUrl() },
    shell: process.platform === "win32",
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => {
    void (close?.() ?? Promise.resolve()).then(() => process.exit(code ?? (signal ? 1 : 0)));
  });
}

main().catch((error) => {
  console.error("[payfip]", error instanceof Error ? error.message : error);
  process.exit(1);
});
