import type { APIResponse, Browser, BrowserContext } from "playwright-core";

import { bookableSchoolYears } from "@/lib/catalogue/school-calendar";
import { ageText } from "@/lib/children/age";
import { policyNonce, RENDER_HEADER } from "@/lib/server/page-copy";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed";

import { accessibilityViolations, describeE2e, expectVisible, login, newContext, signedInPage } from "./browser";
import { serverActionId } from "./build-manifest";
import { withPortalAndBrowser } from "./journey";
import type { Portal } from "./portal";

describeE2e("the portal's foundation, in Chromium", () => {
  let browser: Browser;
  let portal: Portal;
  withPortalAndBrowser({}, (journey) => ({ browser, portal } = journey));

  it("serves the home page with the login box, the demo news and the Guichet unique in the footer", async () => {
    const context = await newContext(browser, portal.baseUrl);
    const page = await context.newPage();
    await page.goto("/");
    await expectVisible(page.getByLabel("Identifiant"));
    await expectVisible(page.getByLabel("Mot de passe"));
    await expectVisible(page.getByRole("button", { name: /Connexion/ }));
    await expectVisible(page.getByRole("link", { name: "Identifiant ou Mot de passe oublié ?" }));
    await expectVisible(page.getByRole("heading", { name: "Les actualités" }));
    // The demo's school year follows the portal's clock (2026-2027 on the default date).
    for (const year of bookableSchoolYears(portal.today()))
      await expectVisible(page.getByText(`Inscriptions à la restauration scolaire ${year.label}`));
    await expectVisible(page.getByRole("heading", { name: "Les contacts utiles" }));
    await expectVisible(page.getByRole("heading", { name: "Les services accessibles" }));
    const footer = page.locator("footer");
    expect(await footer.textContent()).toContain("05 65 77 88 78");
    expect(await footer.textContent()).toContain("guichet@mairie-rodez.fr");
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  // A copy is made in the background after a first rendering (lib/server/page-copy.ts): asked
  // until it is served (15 s at most; the last answer is returned for the caller to judge).
  const copiedPage = async (visitor: BrowserContext, pathname: string) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const before = portal.now().getTime();
      const response = await visitor.request.get(pathname, { maxRedirects: 0 });
      const served = { response, html: await response.text(), before, after: portal.now().getTime() };
      if (response.headers()["x-cache"] === "HIT" || Date.now() > deadline) return served;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));

  it("serves the signed-out home page from the instance's copy: a fresh nonce and clock each time, forgotten by a staff change", async () => {
    const visitor = await newContext(browser, portal.baseUrl);
    const get = (headers: Record<string, string> = {}, pathname = "/") =>
      visitor.request.get(pathname, { headers, maxRedirects: 0 });
    const fromCopy = () => copiedPage(visitor, "/");
    const nonceOf = (response: APIResponse) => policyNonce(response.headers()["content-security-policy"] ?? null)!;
    const serverNowMs = (html: string) => Number(html.match(/serverNowMs\\":(\d+)/)?.[1]);

    const first = await fromCopy();
    expect([first.response.status(), first.response.headers()["x-cache"]]).toEqual([200, "HIT"]);
    // Served a second later from the same copy: the clock is read when the page is served.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const second = await fromCopy();
    expect(serverNowMs(second.html)).toBeGreaterThanOrEqual(second.before - 50);
    expect(serverNowMs(second.html)).toBeLessThanOrEqual(second.after + 50);
    const rendered = await get({ [RENDER_HEADER]: "1" });
    expect([rendered.status(), rendered.headers()["x-cache"]]).toEqual([200, undefined]);
    const renderedHtml = await rendered.text();

    // Each answer carries its own nonce, on every script and in the preload header, and no other's.
    const answers = [
      [first.response, first.html],
      [second.response, second.html],
      [rendered, renderedHtml],
    ] as const;
    expect(new Set(answers.map(([response]) => nonceOf(response))).size).toBe(3);
    for (const [response, html] of answers) {
      const nonce = nonceOf(response);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      // Next.js sends the stylesheet's preload header when React gives it before the page streams.
      const preload = response.headers()["link"] ?? "";
      expect(preload.match(/nonce="[^"]*"/g) ?? []).toEqual(preload ? [`nonce="${nonce}"`] : []);
      for (const [other] of answers) if (other !== response) expect(html).not.toContain(nonceOf(other));
    }
    // The copy shows what a rendering shows (the order of the head's async scripts may differ
    // from one rendering to the next, so the comparison is on the page's content).
    expect(mainOf(second.html)).toContain("Les actualités");
    expect(mainOf(second.html)).toBe(mainOf(renderedHtml));

    // Not for an address with a query, nor for a signed-in visitor (sent to their space).
    expect((await get({}, "/?source=affiche")).headers()["x-cache"]).toBeUndefined();
    const parentPage = await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.parent);
    const parentHome = await parentPage.context().request.get("/", { maxRedirects: 0 });
    expect([parentHome.status(), parentHome.headers()["location"], parentHome.headers()["x-cache"]]).toEqual([
      307,
      "/espace",
      undefined,
    ]);

    // A news published by an agent is on the very next home page: the change forgot the copy.
    expect((await fromCopy()).response.headers()["x-cache"]).toBe("HIT");
    const agent = (await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.agent)).context();
    const published = await agent.request.post("/admin/contenus", {
      headers: {
        "Next-Action": serverActionId("app/admin/contenus/actions.ts", "createNewsAction"),
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
      },
      data: JSON.stringify([{ title: "La copie de l'accueil est oubliée", body: "Texte de l'actualité", published: true }]),
    });
    expect(await published.text()).toContain('"ok":true');
    expect(await (await get()).text()).toContain("La copie de l&#x27;accueil est oubliée");
    await Promise.all([visitor.close(), parentPage.context().close(), agent.close()]);
  });

  it("serves the signed-out login page from its copy too, and a parent signs in through it", async () => {
    const visitor = await newContext(browser, portal.baseUrl);
    const copied = await copiedPage(visitor, "/connexion");
    expect([copied.response.status(), copied.response.headers()["x-cache"]]).toEqual([200, "HIT"]);
    const rendered = await visitor.request.get("/connexion", { headers: { [RENDER_HEADER]: "1" }, maxRedirects: 0 });
    expect(rendered.headers()["x-cache"]).toBeUndefined();
    expect(mainOf(copied.html)).toContain("Connexion");
    expect(mainOf(copied.html)).toBe(mainOf(await rendered.text()));
    // The address a signed-out visitor of /espace is sent to carries its query: rendered.
    expect((await visitor.request.get("/connexion?callbackUrl=%2Fespace")).headers()["x-cache"]).toBeUndefined();

    const page = await visitor.newPage();
    const response = await page.goto("/connexion");
    expect(response?.headers()["x-cache"]).toBe("HIT");
    await page.getByLabel("Identifiant").fill(DEMO_ACCOUNTS.parent);
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /Connexion/ }).click();
    await page.waitForURL("**/espace");
    await expectVisible(page.getByRole("heading", { level: 1, name: /^Famille / }));
    // Signed in, the login page is rendered for this visitor: it sends them back to their space.
    const again = await visitor.request.get("/connexion", { maxRedirects: 0 });
    expect([again.status(), again.headers()["location"], again.headers()["x-cache"]]).toEqual([307, "/espace", undefined]);
    await visitor.close();
  });

  it("logs the demo parent in, shows Julie and Julien with their ages, and logs out", async () => {
    const page = await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.parent, DEMO_PASSWORD, { mobile: true });
    const context = page.context();
    const today = portal.today();
    const children = page.getByRole("list", { name: "Enfants de la famille" });
    await expectVisible(children.getByText(`TEST JULIE (${ageText("2019-10-15", today)})`));
    await expectVisible(children.getByText(`TEST JULIEN (${ageText("2016-08-20", today)})`));
    expect(await accessibilityViolations(page)).toEqual([]);
    // Mobile first: nothing wider than the 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(`${portal.baseUrl}/`);
    await expectVisible(page.getByLabel("Identifiant"));
    await page.goto("/espace");
    await page.waitForURL("**/connexion**");
    await context.close();
  });

  it("gives the same message for a wrong password and an unknown e-mail", async () => {
    const context = await newContext(browser, portal.baseUrl);
    const page = await context.newPage();
    await login(page, DEMO_ACCOUNTS.parent, "pas le bon mot de passe");
    const alert = page.getByRole("alert");
    await expectVisible(alert.getByText("Identifiant ou mot de passe incorrect."));
    await login(page, "personne@demo.fr", DEMO_PASSWORD);
    await expectVisible(page.getByRole("alert").getByText("Identifiant ou mot de passe incorrect."));
    await context.close();
  });

  it("keeps a parent out of /admin: the page and a direct POST to an admin action", async () => {
    const actionId = serverActionId("app/admin/contenus/actions.ts", "createNewsAction");
    const postNews = (context: import("playwright-core").BrowserContext, title: string, pathname: string) =>
      context.request.post(pathname, {
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: JSON.stringify([{ title, body: "Texte de l'actualité", published: true }]),
        maxRedirects: 0,
      });

    const parentPage = await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.parent);
    const parent = parentPage.context();
    const adminResponse = await parentPage.goto("/admin");
    expect(adminResponse?.status()).toBe(404);
    expect((await parent.request.get("/admin/contenus")).status()).toBe(404);

    // Straight at the admin page, and from a parent page (Next.js forwards the call to the
    // admin route's worker, where the gate and the action's own staff check refuse it).
    expect((await postNews(parent, "Actualité pirate 1", "/admin/contenus")).status()).toBe(404);
    expect(await (await postNews(parent, "Actualité pirate 2", "/espace")).text()).not.toContain('"ok":true');

    // The same POST by an agent works, so the refusal above is the parent's role, not the request.
    const agentPage = await signedInPage(browser, portal.baseUrl, DEMO_ACCOUNTS.agent);
    const agent = agentPage.context();
    const allowed = await postNews(agent, "Actualité publiée par un agent", "/admin/contenus");
    expect(allowed.status()).toBe(200);
    expect(await allowed.text()).toContain('"ok":true');

    const visitor = await newContext(browser, portal.baseUrl);
    const home = await visitor.newPage();
    await home.goto("/");
    await expectVisible(home.getByText("Actualité publiée par un agent"));
    expect(await home.getByText(/Actualité pirate/).count()).toBe(0);
    expect(await (await postNews(visitor, "Actualité pirate 3", "/")).text()).not.toContain('"ok":true');
    await home.reload();
    expect(await home.getByText(/Actualité pirate/).count()).toBe(0);
    await Promise.all([parent.close(), agent.close(), visitor.close()]);
  });
});
