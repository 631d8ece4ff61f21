import http from "node:http";
import type { AddressInfo } from "node:net";

import {
  askedPageCopy,
  COPY_HEADER,
  fillTemplate,
  makeTemplate,
  pageCopier,
  pageCopy,
  policyNonce,
  RENDER_HEADER,
} from "./page-copy";
import { nextSharedReadsGeneration } from "./shared-reads-generation";

// A nonce with the characters of base64 a regular expression would misread.
const NONCE = "a+b/c==d0123456789ABC==";
const page = (nonce: string, nowMs: number) =>
  `<script nonce="${nonce}" src="/a.js"></script><p>Actualité : 1+1=2</p>` +
  `<script nonce="${nonce}">self.__next_f.push([1,"{\\"serverNowMs\\":${nowMs}},{\\"nonce\\":\\"${nonce}\\"}"])</script>`;

const answer = (headers: Record<string, string>, status = 200) => ({ status, headers: new Headers(headers) });
const pageHeaders = (nonce: string) => ({
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
  link: `</_next/static/chunks/app.css>; rel=preload; as="style"; nonce="${nonce}"`,
  vary: "rsc, Accept-Encoding",
});

describe("a page's copy", () => {
  it("gives each visitor the page with their own nonce and the clock read when it is served", () => {
    const copy = pageCopy(answer(pageHeaders(NONCE)), page(NONCE, 1_000));
    if (typeof copy === "string") throw new Error(copy);
    expect(fillTemplate(copy.page, { nonce: "fresh", nowMs: 2_000 })).toBe(page("fresh", 2_000));
    expect(fillTemplate(copy.link!, { nonce: "fresh", nowMs: 2_000 })).toBe(pageHeaders("fresh").link);
    expect(copy.vary).toBe("rsc, Accept-Encoding");
    // Only the nonce itself and the clock are holes: the rest of the page is kept to the letter.
    expect(copy.page.holes).toEqual(["nonce", "nonce", "now", "nonce"]);
  });

  it("keeps no copy of a page it could not give back faithfully", () => {
    const headers = pageHeaders(NONCE);
    expect(pageCopy(answer(headers, 307), "")).toBe("status 307");
    expect(pageCopy(answer({ ...headers, "content-type": "application/json" }), page(NONCE, 1))).toBe("not a page");
    expect(pageCopy(answer({ ...headers, "set-cookie": "a=b" }), page(NONCE, 1))).toBe("the page sets a cookie");
    expect(pageCopy(answer({ ...headers, "content-security-policy": "script-src 'self'" }), page(NONCE, 1))).toBe(
      "no nonce in the policy",
    );
    expect(pageCopy(answer(headers), page(NONCE, 1) + page(NONCE, 2))).toBe("serverNowMs found 2 times");
    expect(pageCopy(answer(headers), "<p>no clock</p>")).toBe("serverNowMs found 0 times");
    expect(pageCopy(answer(headers), page("another", 1))).toBe("the nonce is not on the page");
  });

  it("reads the nonce of a policy", () => {
    expect(policyNonce(pageHeaders(NONCE)["content-security-policy"])).toBe(NONCE);
    expect(policyNonce("script-src 'self'")).toBeNull();
    expect(policyNonce(null)).toBeNull();
  });

  it("cuts a text with no nonce and no clock into one part", () => {
    expect(makeTemplate("plain", NONCE)).toEqual({ parts: ["plain"], holes: [] });
  });

  it("is served to a signed-out GET of / and /connexion only", () => {
    const request = (method: string, address: string, headers: Record<string, string> = {}) => ({
      method,
      nextUrl: new URL(address, "http://portail.test"),
      headers: new Headers(headers),
    });
    expect(askedPageCopy(request("GET", "/"))).toBe("/");
    expect(askedPageCopy(request("GET", "/connexion"))).toBe("/connexion");
    expect(askedPageCopy(request("GET", "/", { cookie: "theme=clair; autre=1" }))).toBe("/");
    expect(askedPageCopy(request("HEAD", "/"))).toBeNull();
    expect(askedPageCopy(request("POST", "/connexion"))).toBeNull();
    for (const other of ["/connexion/", "/connexion/double-facteur", "/mot-de-passe-oublie", "/espace", "/Connexion"])
      expect([other, askedPageCopy(request("GET", other))]).toEqual([other, null]);
    expect(askedPageCopy(request("GET", "/?callbackUrl=%2Fespace"))).toBeNull();
    expect(askedPageCopy(request("GET", "/connexion?callbackUrl=%2Fespace"))).toBeNull();
    expect(askedPageCopy(request("GET", "/", { rsc: "1" }))).toBeNull();
    expect(askedPageCopy(request("GET", "/connexion", { "next-router-prefetch": "1" }))).toBeNull();
    expect(askedPageCopy(request("GET", "/", { [RENDER_HEADER]: "1" }))).toBeNull();
    for (const cookie of [
      "next-auth.session-token=x",
      "theme=clair; __Secure-next-auth.session-token=x",
      "next-auth.session-token.0=x; next-auth.session-token.1=y",
    ])
      for (const path of ["/", "/connexion"])
        expect([cookie, askedPageCopy(request("GET", path, { cookie }))]).toEqual([cookie, null]);
  });
});

describe("the copier, against a page served over HTTP", () => {
  // A stand-in for `next start`'s own rendering of a page: a fresh nonce per answer, and what the
  // page says (`news`) or its status can be changed between answers.
  let server: http.Server;
  let origin: string;
  let renders: { url?: string; headers: http.IncomingHttpHeaders }[] = [];
  let news = "first";
  let status = 200;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      renders.push({ url: request.url, headers: request.headers });
      const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
      response.writeHead(status, pageHeaders(nonce));
      response.end(page(nonce, Date.now()).replace("Actualité : 1+1=2", `Actualité : ${news}`));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    renders = [];
    news = "first";
    status = 200;
  });
  // The copier's clock, moved by hand.
  let clockMs = 0;
  const now = () => clockMs;

  it("renders first, then serves the copy with each visitor's nonce until it is old", async () => {
    const copier = pageCopier({ origin, path: "/connexion", ttlMs: 300, staleMs: 300, now });
    expect(copier.serve("n1")).toBeNull();
    await copier.settled();
    expect(renders.map((render) => [render.url, render.headers[RENDER_HEADER]])).toEqual([["/connexion", "1"]]);
    const served = copier.serve("n2")!;
    expect(served.html).toContain('<script nonce="n2" src="/a.js">');
    expect(served.html).toContain("Actualité : first");
    expect(served.headers.get(COPY_HEADER)).toBe("HIT");
    expect(served.headers.get("link")).toBe(pageHeaders("n2").link);
    expect(copier.serve("n3")!.html).not.toContain("n2");
    expect(renders).toHaveLength(1);

    // Old: still served while the next copy is made, which then shows the new text.
    news = "second";
    clockMs += 350;
    expect(copier.serve("n4")!.html).toContain("Actualité : first");
    await copier.settled();
    expect(copier.serve("n5")!.html).toContain("Actualité : second");
    expect(renders).toHaveLength(2);
  });

  it("stops serving a copy too old to be fresh once its successor fails, and waits before trying again", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    const copier = pageCopier({ origin, ttlMs: 200, staleMs: 200, retryAfterMs: 60_000, now });
    copier.serve("n1");
    await copier.settled();
    status = 500;
    clockMs += 250;
    expect(copier.serve("n2")).not.toBeNull(); // old, served while the next copy is asked for
    await copier.settled();
    clockMs += 200;
    expect(copier.serve("n3")).toBeNull(); // too old now
    expect(renders).toHaveLength(2); // no new attempt before retryAfterMs
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("status 500"));
    warn.mockRestore();
  });

  it("forgets the copy at once after a staff change", async () => {
    const copier = pageCopier({ origin, ttlMs: 60_000, now });
    copier.serve("n1");
    await copier.settled();
    expect(copier.serve("n2")).not.toBeNull();
    news = "after the change";
    nextSharedReadsGeneration();
    expect(copier.serve("n3")).toBeNull();
    await copier.settled();
    expect(copier.serve("n4")!.html).toContain("Actualité : after the change");
  });

  it("makes no copy without the server's own address (`next dev`, tests)", async () => {
    const copier = pageCopier({ origin: null });
    expect(copier.serve("n1")).toBeNull();
    await copier.settled();
    expect(copier.serve("n2")).toBeNull();
    expect(renders).toHaveLength(0);
  });
});
