import { asksForHomeCopy, fillTemplate, homePageCopy, makeTemplate, policyNonce, RENDER_HEADER } from "./home-page-copy";

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

describe("the home page's copy", () => {
  it("gives each visitor the page with their own nonce and the clock read when it is served", () => {
    const copy = homePageCopy(answer(pageHeaders(NONCE)), page(NONCE, 1_000));
    if (typeof copy === "string") throw new Error(copy);
    expect(fillTemplate(copy.page, { nonce: "fresh", nowMs: 2_000 })).toBe(page("fresh", 2_000));
    expect(fillTemplate(copy.link!, { nonce: "fresh", nowMs: 2_000 })).toBe(pageHeaders("fresh").link);
    expect(copy.vary).toBe("rsc, Accept-Encoding");
    // Only the nonce itself and the clock are holes: the rest of the page is kept to the letter.
    expect(copy.page.holes).toEqual(["nonce", "nonce", "now", "nonce"]);
  });

  it("keeps no copy of a page it could not give back faithfully", () => {
    const headers = pageHeaders(NONCE);
    expect(homePageCopy(answer(headers, 307), "")).toBe("status 307");
    expect(homePageCopy(answer({ ...headers, "content-type": "application/json" }), page(NONCE, 1))).toBe("not a page");
    expect(homePageCopy(answer({ ...headers, "set-cookie": "a=b" }), page(NONCE, 1))).toBe("the page sets a cookie");
    expect(homePageCopy(answer({ ...headers, "content-security-policy": "script-src 'self'" }), page(NONCE, 1))).toBe(
      "no nonce in the policy",
    );
    expect(homePageCopy(answer(headers), page(NONCE, 1) + page(NONCE, 2))).toBe("serverNowMs found 2 times");
    expect(homePageCopy(answer(headers), "<p>no clock</p>")).toBe("serverNowMs found 0 times");
    expect(homePageCopy(answer(headers), page("another", 1))).toBe("the nonce is not on the page");
  });

  it("reads the nonce of a policy", () => {
    expect(policyNonce(pageHeaders(NONCE)["content-security-policy"])).toBe(NONCE);
    expect(policyNonce("script-src 'self'")).toBeNull();
    expect(policyNonce(null)).toBeNull();
  });

  it("cuts a text with no nonce and no clock into one part", () => {
    expect(makeTemplate("plain", NONCE)).toEqual({ parts: ["plain"], holes: [] });
  });

  it("is served to a signed-out GET of / only", () => {
    const request = (method: string, address: string, headers: Record<string, string> = {}) => ({
      method,
      nextUrl: new URL(address, "http://portail.test"),
      headers: new Headers(headers),
    });
    expect(asksForHomeCopy(request("GET", "/"))).toBe(true);
    expect(asksForHomeCopy(request("GET", "/", { cookie: "theme=clair; autre=1" }))).toBe(true);
    expect(asksForHomeCopy(request("HEAD", "/"))).toBe(false);
    expect(asksForHomeCopy(request("POST", "/"))).toBe(false);
    expect(asksForHomeCopy(request("GET", "/connexion"))).toBe(false);
    expect(asksForHomeCopy(request("GET", "/?callbackUrl=%2Fespace"))).toBe(false);
    expect(asksForHomeCopy(request("GET", "/", { rsc: "1" }))).toBe(false);
    expect(asksForHomeCopy(request("GET", "/", { "next-router-prefetch": "1" }))).toBe(false);
    expect(asksForHomeCopy(request("GET", "/", { [RENDER_HEADER]: "1" }))).toBe(false);
    for (const cookie of [
      "next-auth.session-token=x",
      "theme=clair; __Secure-next-auth.session-token=x",
      "next-auth.session-token.0=x; next-auth.session-token.1=y",
    ])
      expect([cookie, asksForHomeCopy(request("GET", "/", { cookie }))]).toEqual([cookie, false]);
  });
});
