// RGAA 8.6 (issue #18, point 5): every page's <title> names its content — « Réservation n° 000001 –
// TEST JULIEN – Portail Familles », « Famille TEST – Administration – Portail Familles » — rather
// than a generic « Famille ». Every page of the production build is opened (a page added later is
// covered without touching this file, or fails here asking for its id), as the account it is
// meant for, with the demo's real ids: no two pages share a title, and none is generic.
import type { Browser, BrowserContext } from "playwright-core";

import { invoiceReference } from "@/lib/billing/invoice-number";
import { DEMO_ACCOUNTS, DEMO_IDS } from "@/prisma/seed";
import { DEMO_EARLY_CHILDHOOD_IDS } from "@/prisma/seed-early-childhood";

import { createInvoiceFixture } from "../helpers/invoice-fixtures";
import { prepareDemoReservations } from "./admin-e2e-fixtures";
import { describeE2e, launchBrowser, newContext, signedInContext } from "./browser";
import { builtPages } from "./build-manifest";
import { startPortal, type Portal } from "./portal";

/** The titles these pages had before: a word that names no content. */
const GENERIC = new Set(["Famille", "Réservation", "Fiche enfant", "Période", "Unité", "Examiner un document", "Administration"]);

type Ids = Record<
  | "reservation"
  | "activity"
  | "establishment"
  | "period"
  | "unit"
  | "regie"
  | "invoice"
  | "payfipOperation"
  | "school"
  | "documentType"
  | "criterion"
  | "commission"
  | "contract"
  | "earlyChildhoodRequest",
  string
>;

/** A real id for each dynamic segment, from the folder it stands in. */
function fill(route: string, ids: Ids): string {
  return route.replace(/\/([^/]+)\/\[(\w+)\]/g, (_, folder: string, segment: string) => {
    const id = {
      activites: ids.activity,
      etablissements: ids.establishment,
      periodes: ids.period,
      unites: ids.unit,
      documents: DEMO_IDS.julienVaccination,
      familles: DEMO_IDS.family,
      enfants: DEMO_IDS.julien,
      reservations: ids.reservation,
      factures: ids.invoice,
      paiement: ids.payfipOperation,
      regies: ids.regie,
      ecoles: ids.school,
      types: ids.documentType,
      consentements: "reglements",
      creches: DEMO_EARLY_CHILDHOOD_IDS.pitchouns,
      criteres: ids.criterion,
      demandes: DEMO_EARLY_CHILDHOOD_IDS.testRequest,
      commission: ids.commission,
      contrats: ids.contract,
      "petite-enfance": ids.earlyChildhoodRequest,
    }[folder];
    if (!id) throw new Error(`page-titles.test.ts: no demo id for [${segment}] under /${folder}/ in ${route} — add one`);
    return `/${folder}/${id}`;
  });
}

describeE2e("page titles name their content (RGAA 8.6)", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let portal: Portal;
  let ids: Ids;
  const contexts = {} as Record<"visitor" | "parent" | "admin", BrowserContext>;

  beforeAll(async () => {
    portal = await startPortal({
      prepare: async (database) => {
        const prisma = database.prisma;
        await prepareDemoReservations(database);
        const reservation = await prisma.reservation.findFirstOrThrow({
          where: { childId: DEMO_IDS.julien, period: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } } },
          select: { id: true, period: { select: { id: true, activityId: true, establishmentId: true } } },
        });
        const unit = await prisma.unit.findFirstOrThrow({ where: { periodId: reservation.period.id }, select: { id: true } });
        const regie = await prisma.regie.findUniqueOrThrow({ where: { code: "PERI" }, select: { id: true } });
        const invoice = await createInvoiceFixture(prisma, {
          familyId: DEMO_IDS.family,
          regieCode: "PERI",
          month: "2026-11-01",
          issuedAt: new Date("2026-11-30T07:00:00Z"),
          dueDay: "2026-12-30",
          lines: [
            {
              date: "2026-11-02",
              childName: "TEST JULIEN",
              serviceLabel: "CANTINE ELEMENTAIRE CAMBON",
              unitLabel: "REPAS ENFANT",
              unitPriceCents: 390,
            },
          ],
        });
        // A PayFiP attempt of that invoice, for the parents' page « Paiement en ligne ».
        const operation = await prisma.payfipOperation.create({
          data: {
            idOp: "titres0000000001",
            invoiceId: invoice.id,
            amountCents: 390,
            payerEmail: DEMO_ACCOUNTS.parent,
            saisie: "T",
            refdet: invoiceReference(invoice.number),
            exer: 2026,
          },
          select: { id: true },
        });
        const school = await prisma.school.findUniqueOrThrow({ where: { name: "Foch" }, select: { id: true } });
        const documentType = await prisma.documentType.findUniqueOrThrow({
          where: { code: "CARNET_VACCINATION" },
          select: { id: true },
        });
        const criterion = await prisma.admissionCriterion.findUniqueOrThrow({
          where: { code: "RESIDENT" },
          select: { id: true },
        });
        const commission = await prisma.commissionSession.create({
          data: { sessionDate: new Date("2026-12-10T00:00:00Z"), placesDate: new Date("2027-09-01T00:00:00Z") },
          select: { id: true },
        });
        // A crèche contract of Julien's (issue #15), for « Contrat de crèche – TEST JULIEN ».
        const creche = await prisma.creche.create({ data: { code: "TITRES", name: "Titres : crèche" }, select: { id: true } });
        const contract = await prisma.childcareContract.create({
          data: {
            familyId: DEMO_IDS.family,
            childId: DEMO_IDS.julien,
            crecheId: creche.id,
            startDate: new Date("2026-09-01T00:00:00Z"),
            endDate: new Date("2027-08-31T00:00:00Z"),
            weeklyPlanning: [{ weekday: 1, from: "08:30", to: "17:30" }],
          },
          select: { id: true },
        });
        // A crèche request of the family (« Demande d'inscription en crèche – TEST JULIEN »).
        const earlyChildhoodRequest = await prisma.earlyChildhoodRequest.create({
          data: {
            familyId: DEMO_IDS.family,
            childId: DEMO_IDS.julien,
            wishedStartDate: new Date("2027-01-04T00:00:00Z"),
            wishedSchedule: [{ weekday: 1, from: "08:30", to: "17:30" }],
            choices: { create: { crecheId: creche.id, rank: 1 } },
          },
          select: { id: true },
        });
        ids = {
          criterion: criterion.id,
          commission: commission.id,
          contract: contract.id,
          earlyChildhoodRequest: earlyChildhoodRequest.id,
          school: school.id,
          documentType: documentType.id,
          invoice: invoice.id,
          payfipOperation: operation.id,
          regie: regie.id,
          reservation: reservation.id,
          activity: reservation.period.activityId,
          establishment: reservation.period.establishmentId,
          period: reservation.period.id,
          unit: unit.id,
        };
      },
    });
    ({ browser, close } = await launchBrowser());
    contexts.visitor = await newContext(browser, portal.baseUrl);
    contexts.parent = await signedInContext(browser, portal.baseUrl, DEMO_ACCOUNTS.parent);
    contexts.admin = await signedInContext(browser, portal.baseUrl, DEMO_ACCOUNTS.admin);
  });
  afterAll(async () => {
    await close?.();
    await portal?.stop();
  });

  it("gives every built page a title of its own that says what it holds", async () => {
    // Left out: development-only pages (404 in production) and Next's own /_not-found and /_global-error.
    const pages = builtPages().filter((route) => !route.startsWith("/dev/") && !route.startsWith("/_"));
    expect(pages).toEqual(expect.arrayContaining(["/espace/reservations/[id]", "/admin/familles/[id]", "/connexion"]));
    // Pages that need a search param to show anything.
    const params: Record<string, string> = { "/admin/catalogue/unites/nouvelle": `?periode=${ids.period}` };
    const addresses = pages.map((route) => `${fill(route, ids)}${params[route] ?? ""}`);
    // The booking wizard's steps share one address, told apart by its search params.
    const wizard = `/espace/reservations/nouvelle`;
    addresses.push(
      `${wizard}?enfant=${DEMO_IDS.julien}`,
      `${wizard}?enfant=${DEMO_IDS.julien}&periode=${ids.period}`,
      `${wizard}/planning?enfant=${DEMO_IDS.julien}&periode=${ids.period}`,
      `${wizard}/planning?remplace=${ids.reservation}`,
    );
    addresses.splice(addresses.indexOf(`${wizard}/planning`), 1); // needs its params: opened above with them

    const seen = new Map<string, string>(); // title → the address that showed it
    const titles: Record<string, string> = {};
    const problems: string[] = [];
    // Opened three at a time, then judged in order.
    const opened: { address: string; landed: string; title: string; status: number | undefined }[] = [];
    let next = 0;
    const open = async () => {
      while (next < addresses.length) {
        const index = next++;
        const address = addresses[index];
        const who = address.startsWith("/espace") ? "parent" : address.startsWith("/admin") ? "admin" : "visitor";
        const page = await contexts[who].newPage();
        const response = await page.goto(address);
        const landed = new URL(page.url());
        opened[index] = {
          address,
          landed: `${landed.pathname}${landed.search}`,
          title: await page.title(),
          status: response?.status(),
        };
        await page.close();
      }
    };
    await Promise.all([open(), open(), open()]);
    for (const { address, landed, title, status } of opened) {
      // A page that sends this visitor elsewhere (a sign-in step without its cookie) is the other page's title.
      if (landed !== address) continue;
      titles[address] = title;
      if (status !== 200) problems.push(`${address}: HTTP ${status}`);
      if (GENERIC.has(title.replace(/( – Administration)? – Portail Familles$/, "")))
        problems.push(`${address}: generic title « ${title} »`);
      if (!/ – Portail Familles$|^Portail Familles – /.test(title))
        problems.push(`${address}: « ${title} » does not name the portal`);
      if (seen.has(title)) problems.push(`${address}: « ${title} », the title of ${seen.get(title)} too`);
      seen.set(title, address);
    }
    expect(problems).toEqual([]);

    expect(titles[fill("/espace/reservations/[id]", ids)]).toMatch(/^Réservation n° \d{6} – TEST JULIEN – Portail Familles$/);
    expect(titles[fill("/admin/familles/[id]", ids)]).toBe("Famille TEST – Administration – Portail Familles");
    expect(titles[fill("/espace/enfants/[id]", ids)]).toBe("Fiche enfant – TEST JULIEN – Portail Familles");
    expect(titles[fill("/espace/petite-enfance/[id]", ids)]).toBe(
      "Demande d'inscription en crèche – TEST JULIEN – Portail Familles",
    );
    expect(titles[`${wizard}/planning?enfant=${DEMO_IDS.julien}&periode=${ids.period}`]).toBe(
      "Planning – TEST JULIEN – GARDERIE ELEMENTAIRE CAMBON – Nouvelle réservation – Portail Familles",
    );
    // Most pages were read, not skipped.
    expect(Object.keys(titles).length).toBeGreaterThan(addresses.length - 5);
    // Every page of the build, three at a time (about 150 addresses since petite enfance): more
    // than the default two minutes on a loaded machine. A budget for the count, not a timing.
  }, 360_000);
});
