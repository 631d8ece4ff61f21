// Every page and every GET route handler of the portal, found in the file tree (a new page is
// covered without touching this file), requested with values that are not ids — empty, 5,000
// characters, a NUL byte, `../`, a prototype key, a repeated param — in its route segments and in
// its search params, and with another family's real ids, signed in as a parent, an agent and an
// admin: never a 500, and a parent never sees the other family's data.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { APIResponse, Browser, BrowserContext } from "playwright-core";

import { DEMO_ACCOUNTS, DEMO_IDS } from "@/prisma/seed";

import { createReservation } from "../helpers/admin-fixtures";
import { prepareDemoReservations } from "./admin-e2e-fixtures";
import { describeE2e, launchBrowser, signedInContext } from "./browser";
import { startPortal, type Portal } from "./portal";

const APP = path.resolve(__dirname, "../../app");

type AppRoute = {
  /** The file, relative to app/. */
  file: string;
  /** The address with its dynamic segments: "/admin/familles/[id]/enfants/[childId]". */
  route: string;
  segments: string[];
  /** Search params whose name the file's source mentions (tried one at a time). */
  mentioned: string[];
};

/** Every search param the portal reads somewhere (pages hand some whole to their zod schema). */
const SEARCH_PARAMS = [
  "enfant",
  "periode",
  "remplace",
  "etablissement",
  "etat",
  "page",
  "enregistree",
  "concerne",
  "type",
  "decision",
  "creee",
  "q",
  "sort",
  "actor",
  "action",
  "familyId",
  "from",
  "to",
  "date",
  "establishmentId",
  "periodId",
  "span",
  "vue",
  "jeton",
  "callbackUrl",
  "telecharger",
];

function files(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

/** app/**\/page.tsx and the app/api/**\/route.ts that answer GET, as addresses (route groups left out). */
function appRoutes(): AppRoute[] {
  return files(APP)
    .filter((file) => file.endsWith("/page.tsx") || (file.endsWith("/route.ts") && /\bGET\b/.test(fs.readFileSync(file, "utf8"))))
    .map((file) => {
      const relative = path.relative(APP, file);
      const parts = path
        .dirname(relative)
        .split(path.sep)
        .filter((part) => part !== "." && !/^\(.*\)$/.test(part));
      const source = fs.readFileSync(file, "utf8");
      return {
        file: relative,
        route: `/${parts.join("/")}`,
        segments: parts.filter((part) => part.startsWith("[")),
        mentioned: SEARCH_PARAMS.filter((name) => new RegExp(`\\b${name}\\b`).test(source)),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Values that are not ids, as they stand in an address (already percent-encoded where needed). */
const MALFORMED = {
  empty: "",
  long: "a".repeat(5_000),
  nul: "%2Fe%00",
  dotDot: "..%2F..%2Fetc%2Fpasswd",
  prototypeKey: "toString",
  badUtf8: "%C0%AF",
  unknownId: "ffffffff-ffff-4fff-8fff-ffffffffffff",
};

const FOREIGN_NAME = "ZÉPHYRINE";
const FOREIGN_FAMILY = "ETRANGERE";

type Ids = { foreign: { familyId: string; childId: string; reservationId: string; documentId: string }; ownPeriodId: string };

/** The address of a route with each segment filled: `fill(segment)` for the one tried, a real own id elsewhere. */
function address(route: AppRoute, tried: string | null, value: string): string {
  return route.route.replace(/\[(?:\.\.\.)?(\w+)\]/g, (segment) => {
    if (segment === tried) return value;
    // Staff pages under a family: the demo family and its child, so the page reads further.
    if (segment === "[childId]") return DEMO_IDS.julie;
    if (route.route.startsWith("/admin/familles/")) return DEMO_IDS.family;
    if (route.route.startsWith("/espace/enfants/")) return DEMO_IDS.julie;
    if (segment === "[...nextauth]") return "session";
    return MALFORMED.unknownId;
  });
}

/** Every address to try on a route with `value`: in each segment, in each mentioned param, in all params at once (twice each). */
function addresses(route: AppRoute, value: string): string[] {
  const withSegments = route.segments.map((segment) => address(route, segment, value));
  const base = address(route, null, "");
  const alone = route.mentioned.map((name) => `${base}?${name}=${value}`);
  // All at once, each twice (a list): not for the long value, whose address would pass Node's header limit (431).
  const all = value.length > 100 ? [] : [`${base}?${SEARCH_PARAMS.map((name) => `${name}=${value}&${name}=${value}`).join("&")}`];
  return [...withSegments, ...alone, ...all];
}

const isStaffRoute = (route: AppRoute) =>
  route.route === "/admin" || route.route.startsWith("/admin/") || route.route.startsWith("/api/admin/");

describeE2e("ids and search params read from the address", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let portal: Portal;
  let ids: Ids;
  const contexts: Record<"parent" | "agent" | "admin", BrowserContext> = {} as never;
  const routes = appRoutes();

  beforeAll(async () => {
    portal = await startPortal({
      prepare: async (database) => {
        const prisma = database.prisma;
        await prepareDemoReservations(database);
        // Another family, with a child, a reservation and a document of its own.
        const period = await prisma.period.findFirstOrThrow({
          where: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } },
          select: { id: true, units: { select: { id: true }, orderBy: { sortOrder: "asc" } } },
        });
        const family = await prisma.family.create({ data: { name: FOREIGN_FAMILY, city: "RODEZ" }, select: { id: true } });
        const child = await prisma.child.create({
          data: {
            familyId: family.id,
            lastName: FOREIGN_FAMILY,
            firstName: FOREIGN_NAME,
            sex: "F",
            birthDate: new Date("2018-05-05T00:00:00Z"),
          },
          select: { id: true },
        });
        const reservation = await createReservation(prisma, {
          familyId: family.id,
          childId: child.id,
          periodId: period.id,
          lines: [{ unitId: period.units[0].id, day: "2027-03-05" }],
          status: "PENDING",
        });
        const documentType = await prisma.documentType.findUniqueOrThrow({
          where: { code: "AVIS_IMPOSITION" },
          select: { id: true },
        });
        const document = await prisma.document.create({
          data: {
            familyId: family.id,
            typeId: documentType.id,
            status: "SUBMITTED",
            name: "Étrangère",
            originalName: "etrangere.pdf",
            storageKind: "LOCAL",
            storageKey: `documents/${crypto.randomUUID()}`,
            mimeType: "application/pdf",
            size: 10,
            sha256: "0".repeat(64),
          },
          select: { id: true },
        });
        ids = {
          foreign: { familyId: family.id, childId: child.id, reservationId: reservation.id, documentId: document.id },
          ownPeriodId: period.id,
        };
      },
    });
    ({ browser, close } = await launchBrowser());
    for (const role of ["parent", "agent", "admin"] as const) {
      contexts[role] = await signedInContext(browser, portal.baseUrl, DEMO_ACCOUNTS[role]);
    }
  });
  afterAll(async () => {
    await close?.();
    await portal?.stop();
  });

  /** Requests each address, four at a time; returns those that answered 500 or more (with the start of the body), in order. */
  async function serverErrors(context: BrowserContext, urls: string[]): Promise<string[]> {
    const errors: (string | null)[] = urls.map(() => null);
    let next = 0;
    const worker = async () => {
      while (next < urls.length) {
        const index = next++;
        const response: APIResponse = await context.request.get(urls[index], { maxRedirects: 0 });
        if (response.status() >= 500)
          errors[index] = `${response.status()} ${urls[index].slice(0, 200)}: ${(await response.text()).slice(0, 200)}`;
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return errors.filter((error) => error !== null);
  }

  it("finds the pages and the GET handlers in the file tree", () => {
    const found = routes.map((route) => route.route);
    expect(found).toEqual(
      expect.arrayContaining([
        "/espace/reservations",
        "/espace/reservations/nouvelle/planning",
        "/admin/familles/[id]/enfants/[childId]",
        "/api/documents/[id]",
      ]),
    );
    expect(routes.find((route) => route.route === "/espace/reservations/nouvelle")?.mentioned).toEqual(
      expect.arrayContaining(["enfant", "periode"]),
    );
  });

  it.each(Object.keys(MALFORMED) as (keyof typeof MALFORMED)[])(
    "never answers 500 to a parent for a value that is not an id: %s",
    async (kind) => {
      const value = MALFORMED[kind];
      const urls = routes.filter((route) => !isStaffRoute(route)).flatMap((route) => addresses(route, value));
      // The wizard's later steps and the planning read a param only once the one before it is valid.
      urls.push(
        `/espace/reservations/nouvelle?enfant=${DEMO_IDS.julie}&periode=${value}`,
        `/espace/reservations/nouvelle/planning?enfant=${DEMO_IDS.julie}&periode=${value}`,
        `/espace/reservations/nouvelle/planning?enfant=${value}&periode=${ids.ownPeriodId}`,
        `/espace/reservations/nouvelle/planning?remplace=${value}`,
      );
      expect(await serverErrors(contexts.parent, urls)).toEqual([]);
    },
  );

  it.each(["agent", "admin"] as const)("never answers 500 to an %s for a value that is not an id", async (role) => {
    const urls = routes
      .filter(isStaffRoute)
      .flatMap((route) => Object.values(MALFORMED).flatMap((value) => addresses(route, value)));
    urls.push(`/api/documents/${MALFORMED.nul}`, `/api/service-documents/${MALFORMED.dotDot}`);
    expect(await serverErrors(contexts[role], urls)).toEqual([]);
  });

  it("answers the pages' own 404 to a value that is not an id, in a route segment or in a param that picks a record", async () => {
    for (const url of [
      "/espace/enfants/..%2F..%2Fetc",
      `/espace/reservations/${"a".repeat(5_000)}`,
      "/espace/reservations/toString/modifier",
      "/espace/reservations/nouvelle?enfant=%2Fe",
      `/espace/reservations/nouvelle?enfant=${DEMO_IDS.julie}&periode=..%2F`,
      "/espace/reservations/nouvelle/planning?remplace=..%2F",
      "/api/documents/..%2F..%2Fetc",
    ]) {
      expect(`${url.slice(0, 80)} ${(await contexts.parent.request.get(url, { maxRedirects: 0 })).status()}`).toBe(
        `${url.slice(0, 80)} 404`,
      );
    }
    // A NUL byte, or a path that does not decode, is turned away by the proxy before any page or
    // route handler (their own parsing of it is unit-tested in lib/http/url-params.test.ts).
    for (const url of ["/api/documents/%2Fe%00", "/api/documents/%C0%AF", "/espace/enfants/%C0%AF", "/espace/enfants/%2Fe%00"]) {
      expect(`${url} ${(await contexts.parent.request.get(url, { maxRedirects: 0 })).status()}`).toBe(`${url} 400`);
    }
    for (const url of [
      "/admin/familles/..%2F",
      `/admin/familles/${DEMO_IDS.family}/enfants/%2Fe`,
      "/admin/catalogue/unites/nouvelle?periode=x",
    ]) {
      expect(`${url} ${(await contexts.admin.request.get(url, { maxRedirects: 0 })).status()}`).toBe(`${url} 404`);
    }
  });

  it("leaves out a list's filter that is not one, as if absent (the parent's reservations)", async () => {
    const all = await contexts.parent.request.get("/espace/reservations");
    const filtered = await contexts.parent.request.get(
      "/espace/reservations?enfant=%2Fe&etablissement=toString&etat=toString&page=abc",
    );
    expect(filtered.status()).toBe(200);
    const rows = (body: string) => body.match(/\/espace\/reservations\/[0-9a-f-]{36}"/g)?.length ?? 0;
    expect(rows(await filtered.text())).toBe(rows(await all.text()));
    expect(rows(await all.text())).toBeGreaterThan(0);
  });

  it("never shows another family's child, reservation or document to a parent, whatever the address names", async () => {
    const foreign = Object.values(ids.foreign);
    const urls = routes.filter((route) => !isStaffRoute(route)).flatMap((route) => foreign.flatMap((id) => addresses(route, id)));
    urls.push(
      `/espace/reservations/nouvelle?enfant=${ids.foreign.childId}&periode=${ids.ownPeriodId}`,
      `/espace/reservations/nouvelle/planning?enfant=${ids.foreign.childId}&periode=${ids.ownPeriodId}`,
      `/espace/reservations/nouvelle/planning?remplace=${ids.foreign.reservationId}`,
    );
    const leaks: string[] = [];
    for (const url of urls) {
      const response = await contexts.parent.request.get(url, { maxRedirects: 0 });
      const body = await response.text();
      if (response.status() >= 500 || body.includes(FOREIGN_NAME) || body.includes(FOREIGN_FAMILY))
        leaks.push(`${response.status()} ${url}`);
    }
    expect(leaks).toEqual([]);
    for (const url of [
      `/espace/enfants/${ids.foreign.childId}`,
      `/espace/reservations/${ids.foreign.reservationId}`,
      `/espace/reservations/${ids.foreign.reservationId}/modifier`,
      `/espace/reservations/nouvelle?enfant=${ids.foreign.childId}`,
      `/espace/reservations/nouvelle/planning?remplace=${ids.foreign.reservationId}`,
      `/api/documents/${ids.foreign.documentId}`,
    ]) {
      expect(`${url} ${(await contexts.parent.request.get(url, { maxRedirects: 0 })).status()}`).toBe(`${url} 404`);
    }
  });

  it("shows staff a family's child only under its own family", async () => {
    const response = await contexts.agent.request.get(`/admin/familles/${DEMO_IDS.family}/enfants/${ids.foreign.childId}`, {
      maxRedirects: 0,
    });
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain(FOREIGN_NAME);
    const own = await contexts.agent.request.get(`/admin/familles/${ids.foreign.familyId}/enfants/${ids.foreign.childId}`, {
      maxRedirects: 0,
    });
    expect(own.status()).toBe(200);
    expect(await own.text()).toContain(FOREIGN_NAME);
  });
});
