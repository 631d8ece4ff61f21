// The public home page and the login page are the same for every signed-out visitor: proxy.ts
// serves them from a copy kept in this process for PAGE_COPY_TTL_MS instead of rendering them on
// each request (on opening day, every parent lands there first). What stays per request:
// - the Content-Security-Policy nonce: the copy is made with a nonce of its own, and each visitor
//   gets the page with every occurrence of it (the scripts' attributes, the React payload, the
//   preload Link header) replaced by the fresh nonce of the response's policy. The copy's nonce
//   is 128 random bits nobody else saw, so no text on the page can carry it by chance, and the
//   news and contacts are escaped by React anyway;
// - the server's clock handed to <BrowserClock> (the root layout), read when the page is served.
// Everything else — the news, contacts, services and the town's settings — comes from the shared
// reads (lib/server/shared-reads.ts): a staff change forgets the copies with them, so the instance
// that made them shows it at once, and another instance within SHARED_READ_TTL_MS plus this delay.
// A copy is made in the background: a request that finds no fresh copy is rendered as usual and
// asks this process for the page once more (RENDER_HEADER: always rendered), then keeps the answer
// if it is a 200 page in which the nonce and the clock were found where expected. Anything else
// (a redirect, an error, a cookie set, another shape after a Next.js upgrade) keeps no copy: pages render.
// Production only (`next start`), where the server's own address is known.
// No "server-only": proxy.ts imports it.
import * as clock from "@/lib/clock";

import { sharedReadsGeneration } from "./shared-reads-generation";

/** How long a copy is served after it was made (it is forgotten sooner by a staff change). */
export const PAGE_COPY_TTL_MS = 2_000;

/**
 * The pages served from a copy: their address alone (no query) says everything they show a
 * signed-out visitor. A page that reads a cookie, a header or the query must not be added.
 */
export const COPIED_PAGES = ["/", "/connexion"] as const;

export type CopiedPage = (typeof COPIED_PAGES)[number];

/** A request carrying this header is always rendered (the copy's own request). */
export const RENDER_HEADER = "x-portail-render";

/** Set on a response served from the copy. */
export const COPY_HEADER = "x-cache";

type Hole = "nonce" | "now";

/** A text with holes where the nonce and the clock go: parts[0] hole[0] parts[1] … parts[n]. */
export type Template = { parts: string[]; holes: Hole[] };

// <BrowserClock serverNowMs={…}> in the React payload, which sits in a JavaScript string.
const SERVER_NOW = String.raw`(?<=\\"serverNowMs\\":)\d+`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The text with its nonce and its clock (serverNowMs) cut out. */
export function makeTemplate(text: string, nonce: string): Template {
  const parts: string[] = [];
  const holes: Hole[] = [];
  let from = 0;
  for (const match of text.matchAll(new RegExp(`(${escapeRegExp(nonce)})|${SERVER_NOW}`, "g"))) {
    parts.push(text.slice(from, match.index));
    holes.push(match[1] ? "nonce" : "now");
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return { parts, holes };
}

const countHoles = (template: Template, hole: Hole) => template.holes.filter((each) => each === hole).length;

export function fillTemplate(template: Template, values: { nonce: string; nowMs: number }): string {
  let text = template.parts[0];
  template.holes.forEach((hole, index) => {
    text += (hole === "nonce" ? values.nonce : String(values.nowMs)) + template.parts[index + 1];
  });
  return text;
}

/** The nonce of a page's policy (`script-src … 'nonce-…'`). */
export function policyNonce(policy: string | null): string | null {
  return policy?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1] ?? null;
}

/** A page's copy, or why there is none (the copy's request needs a page that can be filled back). */
export function pageCopy(response: { status: number; headers: Headers }, html: string): PageCopy | string {
  if (response.status !== 200) return `status ${response.status}`;
  if (!response.headers.get("content-type")?.startsWith("text/html")) return "not a page";
  if (response.headers.has("set-cookie")) return "the page sets a cookie";
  const nonce = policyNonce(response.headers.get("content-security-policy"));
  if (!nonce) return "no nonce in the policy";
  const page = makeTemplate(html, nonce);
  if (countHoles(page, "now") !== 1) return `serverNowMs found ${countHoles(page, "now")} times`;
  if (countHoles(page, "nonce") === 0) return "the nonce is not on the page";
  const link = response.headers.get("link");
  return { page, link: link ? makeTemplate(link, nonce) : null, vary: response.headers.get("vary") };
}

export type PageCopy = { page: Template; link: Template | null; vary: string | null };

const isCopiedPage = (pathname: string): pathname is CopiedPage => (COPIED_PAGES as readonly string[]).includes(pathname);

/**
 * The copied page this request may be answered with: a signed-out GET of one of COPIED_PAGES
 * itself (no query, not React's navigation or prefetch request, not the copy's own request), or null.
 */
export function askedPageCopy(request: { method: string; nextUrl: URL; headers: Headers }): CopiedPage | null {
  const { pathname, search } = request.nextUrl;
  if (request.method !== "GET" || !isCopiedPage(pathname) || search !== "") return null;
  if (request.headers.has(RENDER_HEADER) || request.headers.has("rsc") || request.headers.has("next-router-prefetch"))
    return null;
  // A session cookie (or its chunks): both pages send a signed-in visitor to their space.
  return /(^|;\s*)(__Secure-)?next-auth\.session-token/.test(request.headers.get("cookie") ?? "") ? null : pathname;
}

/** The server's own address, once `next start` listens (start-server.ts sets both). */
function ownOrigin(): string | null {
  if (process.env.NODE_ENV !== "production") return null;
  return process.env.__NEXT_PRIVATE_ORIGIN ?? (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null);
}

export type ServedPage = { html: string; headers: Headers };

type Copy = PageCopy & { madeAt: number; generation: number };

/**
 * The copy of the page at `origin` + `path`: `serve(nonce)` gives it with that nonce, or null
 * (render the page; when the copy is missing or old, a new one is being made). The delays and
 * the clock are parameters for the tests; the portal uses the defaults (servedPageCopy below).
 */
export function pageCopier({
  origin,
  path = "/",
  ttlMs = PAGE_COPY_TTL_MS,
  staleMs = 5_000,
  retryAfterMs = 10_000,
  now = () => performance.now(),
}: {
  origin: string | null;
  /** The page's address on that origin. */
  path?: string;
  /** How long a copy is served as fresh. */
  ttlMs?: number;
  /** How much longer an old copy is still served while its successor is made (a few seconds under load). */
  staleMs?: number;
  /** After a failed attempt, the next waits this long (its warning is not repeated per request). */
  retryAfterMs?: number;
  /** A monotonic clock in milliseconds. */
  now?: () => number;
}) {
  let copy: Copy | null = null;
  let making: Promise<void> | null = null;
  let failedAt = -Infinity;

  function makeCopy(): void {
    if (making || !origin || now() - failedAt < retryAfterMs) return;
    const generation = sharedReadsGeneration();
    const startedAt = now();
    making = (async () => {
      const response = await fetch(new URL(path, origin), {
        headers: { [RENDER_HEADER]: "1" },
        redirect: "manual",
        cache: "no-store",
        signal: AbortSignal.timeout(10_000),
      });
      const made = pageCopy(response, await response.text());
      if (typeof made === "string") throw new Error(made);
      // A staff change while it rendered: this copy may hold the old values.
      if (generation === sharedReadsGeneration()) copy = { ...made, madeAt: startedAt, generation };
    })()
      .catch((error: unknown) => {
        failedAt = now();
        console.warn(
          `[page-copy] no copy of ${path} (it is rendered): ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        making = null;
      });
  }

  return {
    serve(nonce: string): ServedPage | null {
      // A copy made before a staff change (the generation moved) is never served.
      const age = copy && copy.generation === sharedReadsGeneration() ? now() - copy.madeAt : Infinity;
      if (age >= ttlMs) makeCopy();
      if (!copy || age >= ttlMs + staleMs) return null;
      const values = { nonce, nowMs: clock.now().getTime() };
      const headers = new Headers({
        "content-type": "text/html; charset=utf-8",
        "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
        [COPY_HEADER]: "HIT",
      });
      if (copy.vary) headers.set("vary", copy.vary);
      if (copy.link) headers.set("link", fillTemplate(copy.link, values));
      return { html: fillTemplate(copy.page, values), headers };
    },
    /** The copy being made, if one is (for the tests). */
    settled: () => making ?? Promise.resolve(),
  };
}

const portalCopiers = new Map<CopiedPage, ReturnType<typeof pageCopier>>();

/** One of the portal's copied pages from its copy (proxy.ts), or null: render it. */
export function servedPageCopy(path: CopiedPage, nonce: string): ServedPage | null {
  let copier = portalCopiers.get(path);
  if (!copier) portalCopiers.set(path, (copier = pageCopier({ origin: ownOrigin(), path })));
  return copier.serve(nonce);
}
