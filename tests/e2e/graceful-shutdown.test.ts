// SIGTERM to a real `next start` (lib/server/graceful-shutdown.ts): /api/health answers 503 at once
// while the instance keeps serving for its drain, a request in flight completes, and the process
// exits within 30 s.
import http from "node:http";

import { startPortal, type Portal } from "./portal";

const DRAIN_SECONDS = 3;
// unref: a wait the test no longer needs does not hold Jest open.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** A POST whose form body is written a piece at a time over `durationMs`; resolves with the response's status. */
function tricklePost(url: string, durationMs: number): { started: Promise<void>; done: Promise<number> } {
  const pieces = ["csrfToken=", "not-", "the-", "right-", "one&", "email=", "a%40b.", "test&", "password=", "x"];
  const body = pieces.join("");
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const done = new Promise<number>((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
    });
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    void (async () => {
      for (const [index, piece] of pieces.entries()) {
        request.write(piece);
        if (index === 0) markStarted();
        await sleep(durationMs / pieces.length);
      }
      request.end();
    })();
  });
  return { started, done };
}

describe("graceful shutdown of a next start instance", () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal({ env: { SHUTDOWN_DRAIN_SECONDS: String(DRAIN_SECONDS) } });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it("answers 503 « arrêt en cours » on /api/health during the drain, completes the request in flight, and exits within 30 s", async () => {
    expect((await fetch(`${portal.baseUrl}/api/health`)).status).toBe(200);
    const child = portal.process;
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );

    // Still being written when the drain ends: Next must wait for it.
    const post = tricklePost(`${portal.baseUrl}/api/auth/callback/credentials`, (DRAIN_SECONDS + 2) * 1000);
    await post.started;
    const signalledAt = Date.now();
    process.kill(-child.pid!, "SIGTERM");

    // The signal reaches the server as an event of its own: a request already in its queue may be
    // answered first. Within half a second, health says it is stopping (the drain lasts 3 s).
    let health = await fetch(`${portal.baseUrl}/api/health`);
    while (health.status === 200 && Date.now() - signalledAt < 500) {
      await sleep(20);
      health = await fetch(`${portal.baseUrl}/api/health`);
    }
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "arrêt en cours" });
    // Still serving pages during the drain.
    await sleep(1000);
    expect((await fetch(`${portal.baseUrl}/connexion`)).status).toBe(200);

    const status = await post.done;
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(DRAIN_SECONDS * 1000);

    const exit = await Promise.race([exited, sleep(30_000).then(() => null)]);
    expect(exit).not.toBeNull();
    expect(Date.now() - signalledAt).toBeLessThan(30_000);
    expect(exit).toEqual({ code: 143, signal: null });
  });
});
