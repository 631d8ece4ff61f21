import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed";

import type { ReceivedMail } from "../helpers/smtp-peer";
import { accessibilityViolations, describeE2e, expectVisible, login, signedInPage } from "./browser";
import { withPortalAndBrowser, type Journey } from "./journey";

const linkIn = (mail: ReceivedMail, pathname: string) => {
  const match = mail.text.match(new RegExp(`https?://\\S+${pathname}\\?jeton=[\\w-]+`));
  if (!match) throw new Error(`no ${pathname} link in:\n${mail.text}`);
  return match[0];
};

const RESET_PASSWORD = "le chat dort sur le radiateur";
const NEW_PASSWORD = "trois tortues traversent la route";
const NEW_EMAIL = "parent.nouveau@demo.fr";

describeE2e("account settings and password reset, in Chromium", () => {
  let journey: Journey;
  withPortalAndBrowser({}, (ready) => (journey = ready));

  it("resets a forgotten password through a single-use link, with the same answer for an unknown address", async () => {
    const context = await journey.newContext();
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("link", { name: "Identifiant ou Mot de passe oublié ?" }).click();
    await page.waitForURL("**/mot-de-passe-oublie");
    expect(await accessibilityViolations(page)).toEqual([]);

    const neutral = "Si cette adresse correspond à un compte du portail, un message vient de lui être envoyé";
    await page.getByLabel("Identifiant").fill("personne@demo.fr");
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await expectVisible(page.getByRole("status").getByText(neutral, { exact: false }));
    // The second answer must be read, not the first one still on screen: the request is held
    // until the form has cleared the first answer, then the new one is awaited.
    let letAnswerThrough!: () => void;
    const held = new Promise<void>((resolve) => (letAnswerThrough = resolve));
    await page.route("**/mot-de-passe-oublie", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.fallback();
    });
    await page.getByLabel("Identifiant").fill(DEMO_ACCOUNTS.parent);
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await page.getByRole("status").getByText(neutral, { exact: false }).waitFor({ state: "detached", timeout: 15_000 });
    letAnswerThrough();
    await expectVisible(page.getByRole("status").getByText(neutral, { exact: false }));
    await page.unroute("**/mot-de-passe-oublie");

    await journey.portal.smtp.waitFor(1);
    const [mail, ...others] = await journey.portal.smtp.settle(); // one mail only: none for the unknown address
    expect(others).toEqual([]);
    expect(mail.to).toEqual([DEMO_ACCOUNTS.parent]);
    expect(mail.subject).toBe("Réinitialisation de votre mot de passe – Portail Familles");
    const link = linkIn(mail, "/reinitialisation");

    await page.goto(link);
    await expectVisible(page.getByRole("heading", { name: "Nouveau mot de passe" }));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill(RESET_PASSWORD);
    await page.getByLabel("Ressaisissez votre nouveau mot de passe").fill(RESET_PASSWORD);
    await page.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
    await page.waitForURL("**/espace");

    await page.goto(link);
    await expectVisible(page.getByRole("alert").getByText("Ce lien a déjà été utilisé.", { exact: false }));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto("/reinitialisation?jeton=inconnu");
    await expectVisible(page.getByRole("alert").getByText("Ce lien n'est pas valide.", { exact: false }));
    await context.close();

    const again = await journey.newContext();
    const loginPage = await again.newPage();
    await login(loginPage, DEMO_ACCOUNTS.parent, DEMO_PASSWORD);
    await expectVisible(loginPage.getByRole("alert").getByText("Identifiant ou mot de passe incorrect."));
    await login(loginPage, DEMO_ACCOUNTS.parent, RESET_PASSWORD);
    await loginPage.waitForURL("**/espace");
    await again.close();
  });

  it("changes the password (Ancien, Nouveau, Ressaisissez) and signs out the other sessions, not this one", async () => {
    const first = await journey.newContext();
    const second = await journey.newContext();
    const page = await first.newPage();
    const other = await second.newPage();
    for (const tab of [page, other]) {
      await login(tab, DEMO_ACCOUNTS.parent, RESET_PASSWORD);
      await tab.waitForURL("**/espace");
    }
    await page.getByRole("link", { name: "Modifier mon mot de passe" }).click();
    await page.waitForURL("**/espace/compte/mot-de-passe");
    await expectVisible(page.getByRole("heading", { name: "Modification de votre mot de passe" }));
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel(/^Ancien mot de passe/).fill("pas le bon mot de passe");
    await page.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
    await page.getByLabel("Ressaisissez votre nouveau mot de passe").fill("une faute de frappe");
    await page.getByRole("button", { name: "Valider" }).click();
    await expectVisible(page.locator("#confirmation-error").getByText("Les deux mots de passe ne sont pas identiques."));
    await page.getByLabel("Ressaisissez votre nouveau mot de passe").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Valider" }).click();
    await expectVisible(page.getByRole("status").getByText("L'ancien mot de passe est incorrect."));
    expect(await page.getByLabel(/^Nouveau mot de passe/).inputValue()).toBe(NEW_PASSWORD);

    await page.getByLabel(/^Ancien mot de passe/).fill(RESET_PASSWORD);
    await page.getByRole("button", { name: "Valider" }).click();
    await expectVisible(page.getByRole("status").getByText("Votre mot de passe a été modifié.", { exact: false }));

    await page.goto("/espace");
    await expectVisible(page.getByRole("heading", { name: "Informations du compte" }));
    await other.goto("/espace");
    await other.waitForURL("**/connexion**");
    await Promise.all([first.close(), second.close()]);
  });

  it("changes the login: a link to the new address, a notice to the old one, the change when the link is used", async () => {
    const page = await signedInPage(journey.browser, journey.portal.baseUrl, DEMO_ACCOUNTS.parent, NEW_PASSWORD);
    const context = page.context();
    await page.getByRole("link", { name: "Modifier mon login (adresse mail)" }).click();
    await page.waitForURL("**/espace/compte/identifiant");
    expect(await accessibilityViolations(page)).toEqual([]);
    const before = journey.portal.smtp.mails.length;
    await page.getByRole("textbox", { name: /^Nouvelle adresse e-mail/ }).fill(NEW_EMAIL);
    await page.getByLabel("Mot de passe actuel").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Valider" }).click();
    await expectVisible(page.getByRole("status").getByText(`Un message a été envoyé à ${NEW_EMAIL}.`, { exact: false }));

    const mails = (await journey.portal.smtp.waitFor(before + 2)).slice(before);
    const toNew = mails.find((mail) => mail.to[0] === NEW_EMAIL)!;
    const toOld = mails.find((mail) => mail.to[0] === DEMO_ACCOUNTS.parent)!;
    expect(toOld.text).toContain(NEW_EMAIL);
    const link = linkIn(toNew, "/confirmation-email");

    const visitor = await journey.newContext();
    const confirm = await visitor.newPage();
    await confirm.goto(link);
    await expectVisible(confirm.getByRole("button", { name: "Confirmer ma nouvelle adresse" }));
    expect(await accessibilityViolations(confirm)).toEqual([]);
    await confirm.getByRole("button", { name: "Confirmer ma nouvelle adresse" }).click();
    await expectVisible(confirm.getByRole("status").getByText(`Votre identifiant est désormais ${NEW_EMAIL}.`, { exact: false }));
    await confirm.goto(link);
    await expectVisible(confirm.getByRole("alert").getByText("Ce lien a déjà été utilisé.", { exact: false }));

    await login(confirm, DEMO_ACCOUNTS.parent, NEW_PASSWORD);
    await expectVisible(confirm.getByRole("alert").getByText("Identifiant ou mot de passe incorrect."));
    await login(confirm, NEW_EMAIL, NEW_PASSWORD);
    await confirm.waitForURL("**/espace");
    await Promise.all([context.close(), visitor.close()]);
  });

  it("does not serve the development outbox in production", async () => {
    const context = await journey.newContext();
    expect((await context.request.get("/dev/outbox")).status()).toBe(404);
    await context.close();
  });
});
