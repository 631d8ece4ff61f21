// « PostgreSQL restart » (issue 13): a real `next start` on a PostgreSQL server of its own, under
// load (clients looping over pages, a route handler and two server actions), while that server is
// stopped, started again, then restarted. While it is down every answer is the 503 page (JSON
// under /api) or the actions' « Service momentanément indisponible » — never a 500, a stack trace
// or a reset connection; once it is back the portal serves again within 10 s, without a restart.
// The throwaway server (tests/helpers/postgres-cluster.ts) is stopped and removed whatever happens.
import { LOGIN_FAILED_MESSAGE } from "@/lib/auth/login";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/errors";

import { postgresClusterUnavailable, startPostgresCluster, type PostgresCluster } from "../helpers/postgres-cluster";
import { serverActionId } from "./build-manifest";
import { startPortal, type Portal } from "./portal";
import { actionResult } from "./server-action-http";

type Outcome = "served" | "unavailable" | "failed";
type Sample = { kind: string; start: number; end: number; outcome: Outcome; detail: string };

const CLIENTS = 4;
const BACK_WITHIN_MS = 10_000;
const STACK_TRACE = /\n\s+at .+:\d+:\d+|Error: .+\n\s+at /;

const clusterMissing = postgresClusterUnavailable();
if (clusterMissing) console.warn(`\n[e2e] database-restart : serveur PostgreSQL jetable impossible — ${clusterMissing}\n`);
const describeWithCluster: jest.Describe = clusterMissing
  ? (((name: string) =>
      describe.skip(`${name} — ignoré : ${clusterMissing}`, () => {
        it.todo("initdb et pg_ctl requis");
      })) as unknown as jest.Describe)
  : describe;

/** One request of the load: what it is, and how to tell a served answer from the 503's. */
type Probe = { kind: string; send(baseUrl: string): Promise<Response>; served(response: Response, body: string): boolean };

function page(pathname: string, marker: string): Probe {
  return {
    kind: `page ${pathname}`,
    send: (baseUrl) => fetch(`${baseUrl}${pathname}`, { redirect: "manual", signal: AbortSignal.timeout(20_000) }),
    served: (response, body) => response.status === 200 && body.includes(marker),
  };
}

/** A server action as the browser calls it; served when `answered` accepts its result (it went through the database). */
function action(
  kind: string,
  pathname: string,
  id: string,
  body: () => { contentType: string; data: string },
  answered: (result: { ok?: boolean; error?: string }) => boolean,
): Probe {
  return {
    kind,
    send(baseUrl) {
      const { contentType, data } = body();
      return fetch(`${baseUrl}${pathname}`, {
        method: "POST",
        headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": contentType },
        body: data,
        redirect: "manual",
        signal: AbortSignal.timeout(20_000),
      });
    },
    served: (response, text) => {
      const result = actionResult(text) as { ok?: boolean; error?: string } | undefined;
      return response.status === 200 && result !== undefined && answered(result);
    },
  };
}

/** What one answer was: served, the unavailable answer (page, JSON or action result), or a failure. */
function judge(probe: Probe, response: Response, body: string): { outcome: Outcome; detail: string } {
  if (STACK_TRACE.test(body)) return { outcome: "failed", detail: `stack trace (${response.status})` };
  const result = actionResult(body) as { error?: string } | undefined;
  if (result?.error === SERVICE_UNAVAILABLE_MESSAGE) return { outcome: "unavailable", detail: "action" };
  if (response.status === 503 && body.includes(SERVICE_UNAVAILABLE_MESSAGE)) {
    return { outcome: "unavailable", detail: response.headers.get("content-type") ?? "" };
  }
  if (probe.served(response, body)) return { outcome: "served", detail: `${response.status} ${result?.error ?? ""}`.trim() };
  return { outcome: "failed", detail: `${response.status} ${body.slice(0, 160).replace(/\s+/g, " ")}` };
}

describeWithCluster("PostgreSQL stopped and restarted under load", () => {
  let cluster: PostgresCluster | null = null;
  let portal: Portal | null = null;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    portal = await startPortal({ databaseUrl: cluster.url });
  }, 180_000);

  afterAll(async () => {
    try {
      await portal?.stop();
    } finally {
      await cluster?.remove();
    }
  }, 60_000);

  it("answers 503 « Service momentanément indisponible » while it is down, and serves again within 10 s of its return", async () => {
    const { baseUrl } = portal!;
    const unknownEmail = "personne.inconnue@example.test";
    const probes: Probe[] = [
      page("/", '<html lang="fr"'),
      page("/connexion", '<html lang="fr"'),
      page("/mot-de-passe-oublie", '<html lang="fr"'),
      {
        kind: "route /api/favicon",
        send: (url) => fetch(`${url}/api/favicon`, { signal: AbortSignal.timeout(20_000) }),
        served: (response) => response.status === 200,
      },
      action(
        "action requestPasswordReset",
        "/mot-de-passe-oublie",
        serverActionId("app/(public)/mot-de-passe-oublie/actions.ts", "requestPasswordResetAction"),
        () => ({
          contentType: "text/plain;charset=UTF-8",
          data: JSON.stringify([{ email: unknownEmail }]),
        }),
        // Asked again and again from one address, the reset is throttled: that answer comes from the database too.
        (result) => result.ok === true || result.error?.startsWith("Trop de demandes") === true,
      ),
      action(
        "action login",
        "/connexion",
        serverActionId("app/(public)/connexion/actions.ts", "loginAction"),
        () => {
          // useActionState's call: (previous state, form data), the form's fields as parts `_1_<name>` (tests/e2e/server-action-http.ts).
          const boundary = "----portailRestart";
          const part = (name: string, value: string) =>
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
          return {
            contentType: `multipart/form-data; boundary=${boundary}`,
            data:
              part("_1_email", unknownEmail) +
              part("_1_password", "pas-le-bon-mot-de-passe") +
              part("0", JSON.stringify([{}, "$K1"])) +
              `--${boundary}--\r\n`,
          };
        },
        (result) => result.error === LOGIN_FAILED_MESSAGE || result.error?.startsWith("Trop de tentatives") === true,
      ),
    ];

    const samples: Sample[] = [];
    const sendOne = async (probe: Probe): Promise<Sample> => {
      const start = Date.now();
      try {
        const response = await probe.send(baseUrl);
        const body = await response.text();
        return { kind: probe.kind, start, end: Date.now(), ...judge(probe, response, body) };
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        return {
          kind: probe.kind,
          start,
          end: Date.now(),
          outcome: "failed",
          detail: `no answer: ${cause?.code ?? cause?.message ?? error}`,
        };
      }
    };

    // Every request served before any fault: the probes themselves are right.
    for (const probe of probes) {
      const sample = await sendOne(probe);
      expect({ kind: sample.kind, outcome: sample.outcome, detail: sample.detail }).toEqual(
        expect.objectContaining({ kind: probe.kind, outcome: "served" }),
      );
    }

    let running = true;
    const client = async (offset: number) => {
      for (let i = offset; running; i += 1) samples.push(await sendOne(probes[i % probes.length]));
    };
    const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    let stopAsked = 0;
    let restartAsked = 0;
    let downFrom = 0;
    let downUntil = 0;
    let backAt = 0;
    let restartedAt = 0;
    try {
      await pause(3000);
      stopAsked = Date.now();
      await cluster!.stop();
      downFrom = Date.now();
      await pause(5000);
      downUntil = Date.now();
      await cluster!.start();
      backAt = Date.now();
      await pause(BACK_WITHIN_MS + 3000);
      // A restart as an operator does it (stop and start in one command, a short outage).
      restartAsked = Date.now();
      await cluster!.restart();
      restartedAt = Date.now();
      await pause(BACK_WITHIN_MS + 3000);
    } finally {
      running = false;
      await Promise.all(clients);
    }

    const summary = (list: Sample[]) =>
      Object.entries(
        list.reduce<Record<string, number>>((counts, sample) => {
          const key = `${sample.outcome}: ${sample.kind}${sample.outcome === "failed" ? ` — ${sample.detail}` : ""}`;
          counts[key] = (counts[key] ?? 0) + 1;
          return counts;
        }, {}),
      ).sort();
    /** When the portal served again after `from`: the end of the last answer that was not served. */
    const recoveredAfter = (from: number, until: number) => {
      const late = samples.filter((sample) => sample.start >= from && sample.start < until && sample.outcome !== "served");
      return late.length === 0 ? 0 : Math.max(...late.map((sample) => sample.end)) - from;
    };
    const whileDown = samples.filter((sample) => sample.start >= downFrom && sample.end <= downUntil);
    // A request whose queries were running when PostgreSQL ended its connections (between the
    // stop's start and its end) fails half-way: the proxy had let it through. See the assertions.
    const caughtByTheStop = (sample: Sample) =>
      (sample.start < downFrom && sample.end > stopAsked) || (sample.start < restartedAt && sample.end > restartAsked);
    const report = {
      samples: samples.length,
      whileDown: summary(whileDown),
      caughtByTheStop: summary(samples.filter((sample) => sample.outcome === "failed" && caughtByTheStop(sample))),
      otherFailures: summary(samples.filter((sample) => sample.outcome === "failed" && !caughtByTheStop(sample))),
      servedAgainAfterStartMs: recoveredAfter(backAt, restartAsked),
      servedAgainAfterRestartMs: recoveredAfter(restartedAt, Infinity),
      // The answers that were not served after PostgreSQL came back: which request, when it started
      // (ms after its return) and how long it took — what to look at when the bound is missed.
      lateAfterStart: samples
        .filter((sample) => sample.start >= backAt && sample.start < restartAsked && sample.outcome !== "served")
        .map((sample) => `${sample.kind} +${sample.start - backAt} ms, ${sample.end - sample.start} ms: ${sample.outcome}`),
    };
    console.log(`[database-restart] ${JSON.stringify(report, null, 1)}`);

    // While it is down: only the unavailable answers, for every kind of request.
    expect(
      whileDown.filter((sample) => sample.outcome !== "unavailable").map((s) => `${s.kind}: ${s.outcome} ${s.detail}`),
    ).toEqual([]);
    expect(new Set(whileDown.map((sample) => sample.kind))).toEqual(new Set(probes.map((probe) => probe.kind)));
    // Never a failure otherwise: no reset connection, no stack trace, no 500.
    expect(report.otherFailures).toEqual([]);
    // The requests the stop caught half-way (one at most per client and per stop): never a reset
    // nor a stack trace — a 500 from Next.js, whose error document mounts app/global-error.tsx
    // (« Service momentanément indisponible » once /api/health says 503), or a route's empty 500.
    const caught = samples.filter((sample) => sample.outcome === "failed" && caughtByTheStop(sample));
    expect(caught.length).toBeLessThanOrEqual(2 * CLIENTS);
    expect(caught.filter((sample) => !/^500 (<!DOCTYPE html><html id="__next_error__">|$)/.test(sample.detail))).toEqual([]);
    // Back within 10 s of PostgreSQL's return, after a stop and after a restart.
    expect(report.servedAgainAfterStartMs).toBeLessThan(BACK_WITHIN_MS);
    expect(report.servedAgainAfterRestartMs).toBeLessThan(BACK_WITHIN_MS);
    const lastSeconds = samples.filter((sample) => sample.start >= restartedAt + BACK_WITHIN_MS);
    expect(lastSeconds.length).toBeGreaterThan(CLIENTS);
    expect(lastSeconds.every((sample) => sample.outcome === "served")).toBe(true);
  }, 180_000);
});
