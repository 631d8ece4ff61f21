// The security headers, in Chromium against the production build: a per-request nonce
// Content-Security-Policy on every page that breaks nothing (no violation in the console while a
// parent and an agent use the portal), HSTS, the camera on the upload page only, stored files
// in a sandbox yet still shown in the staff review page, and the town's icon.
import fs from "node:fs";
import path from "node:path";

import type { APIResponse, Browser, BrowserContext, Page } from "playwright-core";

import { PAGE_COPY_TTL_MS } from "@/lib/server/page-copy";
import { SHARED_READ_TTL_MS } from "@/lib/server/shared-reads";
import { DEMO_IDS } from "@/prisma/seed";

import { describeE2e, newContext } from "./browser";
import { withPortalAndBrowser } from "./journey";
import type { Portal } from "./portal";

const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );

function nonceOf(response: APIResponse): string {
  const scriptSrc = directives(response.headers()["content-security-policy"] ?? "").get("script-src") ?? [];
  const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"));
  if (!nonce) throw new Error(`no nonce in ${response.url()}'s script-src: ${scriptSrc.join(" ")}`);
  return nonce.slice("'nonce-".length, -1);
}

/**
 * Everything a page would complain about: console errors (a CSP refusal, a missing favicon…) and
 * the securitypolicyviolation events themselves.
 */
async function watchProblems(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  await context.exposeFunction("__reportViolation", (text: string) => problems.push(`CSP: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`,
      );
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error") problems.push(`${message.page()?.url()}: ${message.text()}`);
  });
  return problems;
}

/** Reads `value` until `done` says so (15 s at most) and returns the last reading. */
async function until<T>(value: () => Promise<T>, done: (reading: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  let reading = await value();
  while (!done(reading) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    reading = await value();
  }
  return reading;
}

/** Opens each page in turn: each answers 200 and settles (no request left in flight). */
async function expectPagesServed(page: Page, pathnames: string[]): Promise<void> {
  for (const pathname of pathnames) {
    const response = await page.goto(pathname);
    expect([pathname, response?.status()]).toEqual([pathname, 200]);
    await page.waitForLoadState("networkidle");
  }
}

describeE2e("security headers, in Chromium", () => {
  let browser: Browser;
  let portal: Portal;
  let parent: BrowserContext;
  let parentPage: Page;
  let agent: BrowserContext;
  let agentPage: Page;
  let parentProblems: string[];
  let agentProblems: string[];

  withPortalAndBrowser({}, async (journey) => {
    ({ browser, portal } = journey);
    parent = await journey.newContext({ mobile: true });
    parentProblems = await watchProblems(parent);
    parentPage = await journey.signIn(parent, "parent");
    agent = await journey.newContext();
    agentProblems = await watchProblems(agent);
    agentPage = await journey.signIn(agent, "agent");
  });

  it("puts a nonce CSP, new on each request, on the home page, the login page, a parent page and an admin page", async () => {
    const visitor = await newContext(browser, portal.baseUrl);
    const pages: [BrowserContext, string][] = [
      [visitor, "/"],
      [visitor, "/connexion"],
      [parent, "/espace/famille"],
      [agent, "/admin/documents"],
    ];
    for (const [context, pathname] of pages) {
      const first = await context.request.get(pathname, { maxRedirects: 0 });
      const second = await context.request.get(pathname, { maxRedirects: 0 });
      expect([pathname, first.status()]).toEqual([pathname, 200]);
      const policy = directives(first.headers()["content-security-policy"]);
      expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonceOf(first)}'`, "'strict-dynamic'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'self'"]);
      expect(policy.get("form-action")).toEqual(["'self'"]);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("connect-src")).toEqual(["'self'"]); // no UPLOADTHING_TOKEN here
      expect(policy.has("upgrade-insecure-requests")).toBe(true); // production
      expect(nonceOf(second)).not.toBe(nonceOf(first));

      // Next.js put the nonce on every script of the page, and there is no other way to run one.
      const html = await first.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonceOf(first)}"`);
    }
    await visitor.close();
  });

  it("sends HSTS, a referrer policy and nosniff in production (the e2e portal runs `next start`)", async () => {
    const headers = (await parent.request.get("/")).headers();
    expect(headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
  });

  it("allows the camera on the upload page only", async () => {
    const upload = await parent.request.get("/espace/documents");
    expect(upload.headers()["permissions-policy"]).toMatch(/(^|, )camera=\(self\)/);
    for (const pathname of ["/", "/espace", "/espace/famille", "/espace/documents/autre"]) {
      expect([pathname, (await parent.request.get(pathname)).headers()["permissions-policy"]]).toEqual([
        pathname,
        expect.stringMatching(/(^|, )camera=\(\)/),
      ]);
    }
    // What the browser made of it (Chromium's document.featurePolicy).
    const cameraAllowed = (page: Page) =>
      page.evaluate(() =>
        (document as unknown as { featurePolicy?: { allowsFeature(name: string): boolean } }).featurePolicy?.allowsFeature(
          "camera",
        ),
      );
    await parentPage.goto("/espace/documents");
    const onUploadPage = await cameraAllowed(parentPage);
    await parentPage.goto("/espace");
    const onDashboard = await cameraAllowed(parentPage);
    expect([onUploadPage, onDashboard]).toEqual([true, false]);
  });

  it("shows the parent's pages with no CSP violation nor any console error", async () => {
    const page = parentPage;
    for (const link of ["Mon dossier famille", "Pièces justificatives", "Réservations"]) {
      await page.goto("/espace");
      const target = page.getByRole("link", { name: new RegExp(link) }).first();
      if ((await target.count()) === 0) continue;
      await target.click();
      await page.waitForLoadState("networkidle");
    }
    await expectPagesServed(page, [
      "/espace/famille",
      `/espace/enfants/${DEMO_IDS.julien}`,
      "/espace/documents",
      "/espace/reservations",
      "/espace/reservations/nouvelle",
      "/espace/compte/mot-de-passe",
    ]);
    // The page is alive: client components hydrated under the policy (the type list follows the choice).
    await page.goto("/espace/documents");
    await page.getByLabel("Le document concerne").selectOption({ label: "La famille" });
    expect(
      await until(
        () => page.getByLabel("Type de document").locator("option").allTextContents(),
        (types) => types.includes("Avis d'imposition"),
      ),
    ).toContain("Avis d'imposition");
    expect(parentProblems).toEqual([]);
  });

  it("shows the staff pages, and the review page's inline preview of a PDF, with no violation", async () => {
    const page = agentPage;
    await expectPagesServed(page, [
      "/admin",
      "/admin/familles",
      "/admin/documents",
      "/admin/reservations",
      "/admin/catalogue",
      "/admin/contenus",
    ]);
    await page.goto(`/admin/documents/${DEMO_IDS.julienVaccination}`);
    const source = `${portal.baseUrl}/api/documents/${DEMO_IDS.julienVaccination}`;
    expect(await page.locator("iframe[title^='Aperçu']").getAttribute("src")).toBe(new URL(source).pathname);
    // Chromium's PDF viewer took the sandboxed document: a frame of the preview holds its <embed>
    // of our file (a refused document would show Chromium's error page instead).
    const pdfViewer = async () => {
      for (const frame of page.frames()) {
        const embeds = await frame
          .locator('embed[type="application/x-google-chrome-pdf"]')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("original-url")));
        if (embeds.includes(source)) return "PDF viewer";
      }
      return page.frames().map((frame) => frame.url());
    };
    expect(await until(pdfViewer, (found) => found === "PDF viewer")).toBe("PDF viewer");
    expect(agentProblems).toEqual([]);
  });

  it("serves a stored document in a sandbox that only the portal may frame", async () => {
    const response = await agent.request.get(`/api/documents/${DEMO_IDS.julienVaccination}`);
    expect(response.status()).toBe(200);
    const policy = directives(response.headers()["content-security-policy"]);
    expect(policy.get("sandbox")).toEqual([]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'self'"]);
    expect(response.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    expect(
      (await parent.request.get(`/api/documents/${DEMO_IDS.julienVaccination}?telecharger`)).headers()["content-security-policy"],
    ).toMatch(/^sandbox;/);
  });

  it("serves the town's icon: its initial by default, its logo once it has one, linked from every page", async () => {
    const visitor = await newContext(browser, portal.baseUrl);
    const icon = await visitor.request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/^image\//);
    expect(await icon.text()).toContain(">R</text>"); // Ville de Rodez
    const home = await visitor.newPage();
    await home.goto("/");
    const linked = (await home.locator('head link[rel="icon"]').getAttribute("href"))!;
    const linkedIcon = await visitor.request.get(linked);
    expect([linked, linkedIcon.status(), linkedIcon.headers()["content-type"]]).toEqual([
      linked,
      200,
      expect.stringMatching(/^image\//),
    ]);

    // The logo is set straight in the portal's database (PostgreSQL or the embedded PGlite).
    const logo = fs.readFileSync(path.resolve(__dirname, "../fixtures/uploads/good-scan.png"));
    const database = await portal.connectDatabase();
    try {
      await database.prisma.townSettings.update({ where: { id: 1 }, data: { logo, logoMimeType: "image/png" } });
    } finally {
      await database.close();
    }
    const logoIcon = await visitor.request.get("/favicon.ico");
    expect(logoIcon.headers()["content-type"]).toBe("image/png");
    expect(Buffer.compare(await logoIcon.body(), logo)).toBe(0);
    // The pages read the town's settings from the instance's shared reads (lib/server/shared-reads.ts),
    // and the home page is served from a copy made from them (lib/server/page-copy.ts): a change
    // made straight in the database, not through the admin page, shows within their delays.
    const deadline = Date.now() + SHARED_READ_TTL_MS + PAGE_COPY_TTL_MS + 5_000;
    let versioned: string | null;
    for (;;) {
      await home.reload();
      versioned = await home.locator('head link[rel="icon"]').getAttribute("href");
      if (versioned?.startsWith("/api/town-logo") || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(versioned).toMatch(/^\/api\/town-logo\?v=\d+$/);
    const logoResponse = await visitor.request.get("/api/town-logo");
    expect(logoResponse.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
    await visitor.close();
  });
  it("turns away a NUL byte in any address (400, never a 500), and shows today's list for a date that is not one", async () => {
    for (const [context, address] of [
      [parent, "/espace/reservations?enfant=%2Fe%00"],
      [parent, "/espace/reservations/nouvelle?enfant=%2Fe%00"],
      [parent, "/espace/reservations/nouvelle/planning?enfant=%2Fe%00&periode=x"],
      [parent, "/espace/reservations?periode=a%00b"],
      [agent, "/admin/familles?q=%2Fe%00"],
    ] as const) {
      const response = await context.request.get(address, { maxRedirects: 0 });
      expect([address, response.status()]).toEqual([address, 400]);
      expect(await response.text()).toBe("Adresse invalide.");
    }
    for (const address of ["/admin/listes?date=%3Benv%3B", "/admin/listes/cuisine?date=%3Benv%3B&span=week"]) {
      const response = await agent.request.get(address);
      expect([address, response.status()]).toEqual([address, 200]);
      expect(await response.text()).toContain("La date demandée n&#x27;est pas une date valide");
    }
  });
});
