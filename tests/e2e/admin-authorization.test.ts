// The back office's authorization matrix: every /admin page and every admin server action of the
// build, for a signed-out visitor, a parent, a staff member whose session has ended and (for
// admin-only ones) an agent — and proof that the refusals come from the role: each action's
// payload then succeeds for the allowed role, on a target of its own (admin-matrix-fixtures.ts),
// and nothing changed in the database before that.
//
// How the refusals reach the code: an admin action lives only in the /admin pages' workers, so
// Next forwards a call posted to another page to one of them, through the proxy. A visitor and a
// parent are therefore always stopped by the proxy (a redirect to the login page, a 404, or an
// empty `{}` when the forwarded call was refused); the action's own check is what answers a staff
// member whose session has ended (the proxy only reads the signed token) and an agent calling an
// admin-only action.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { Browser, BrowserContext } from "playwright-core";

import { DEMO_TOTP_SECRET } from "@/lib/auth/demo-totp";
import type { PrismaClient } from "@/lib/db/generated/client";
import { startPayfipStandin, type PayfipStandin } from "@/lib/payfip/standin/server";
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_PASSWORD } from "@/prisma/seed";

import { childSheetCareAnswers, guardianAnswers } from "../helpers/family-form";
import { FIXTURE_DAY } from "./admin-e2e-fixtures";
import { prepareMatrix, RESET_DAY, SIGNED_OUT_STAFF, type MatrixIds } from "./admin-matrix-fixtures";
import { describeE2e, launchBrowser, login, newContext, signedInContext } from "./browser";
import { builtPages, serverActions } from "./build-manifest";
import { DEFAULT_PORTAL_CLOCK, startPortal, type Portal } from "./portal";
import type { PortalPrisma } from "./portal-inspector";
import { actionResult, postAction, type ActionArgument, type FilePart } from "./server-action-http";

// lib/auth/session.ts: the refusals of the action helpers.
const SESSION_EXPIRED = "Votre session a expiré. Veuillez vous reconnecter.";
const ADMIN_ONLY = "Cette action est réservée aux administrateurs.";

// ─── Pages ──────────────────────────────────────────────────────────────────────────────────

/** Every /admin page of the build, with the addresses to try (real ids filled in). A built page without a line fails the test. */
const PAGES: Record<string, { urls: (ids: MatrixIds) => string[]; adminOnly?: true }> = {
  "/admin": { urls: () => ["/admin"] },
  "/admin/familles": { urls: () => ["/admin/familles"] },
  "/admin/familles/nouvelle": { urls: () => ["/admin/familles/nouvelle"] },
  "/admin/familles/[id]": { urls: () => [`/admin/familles/${DEMO_IDS.family}`] },
  "/admin/familles/[id]/dossier": { urls: () => [`/admin/familles/${DEMO_IDS.family}/dossier`] },
  "/admin/familles/[id]/enfants/[childId]": { urls: () => [`/admin/familles/${DEMO_IDS.family}/enfants/${DEMO_IDS.julien}`] },
  "/admin/documents": { urls: () => ["/admin/documents"] },
  "/admin/documents/[id]": { urls: (ids) => [`/admin/documents/${ids.documentId}`] },
  "/admin/reservations": { urls: () => ["/admin/reservations"] },
  "/admin/reservations/[id]": { urls: (ids) => [`/admin/reservations/${ids.pendingReservationId}`] },
  "/admin/reservations/toutes": {
    urls: () => ["/admin/reservations/toutes", "/admin/reservations/toutes?status=PENDING&number=1&date=2027-03-04"],
  },
  "/admin/recherche": { urls: () => ["/admin/recherche", "/admin/recherche?q=TEST%20JULIEN", "/admin/recherche?q=000001"] },
  "/admin/listes": { urls: () => ["/admin/listes"] },
  "/admin/listes/cuisine": { urls: () => [`/admin/listes/cuisine?date=${FIXTURE_DAY}&span=week`] },
  "/admin/catalogue": { urls: () => ["/admin/catalogue"] },
  "/admin/catalogue/periodes/nouvelle": { urls: () => ["/admin/catalogue/periodes/nouvelle"] },
  "/admin/catalogue/periodes/[id]": { urls: (ids) => [`/admin/catalogue/periodes/${ids.periodId}`] },
  "/admin/catalogue/periodes/[id]/modifier": { urls: (ids) => [`/admin/catalogue/periodes/${ids.periodId}/modifier`] },
  "/admin/catalogue/etablissements/nouveau": { urls: () => ["/admin/catalogue/etablissements/nouveau"] },
  "/admin/catalogue/etablissements/[id]": { urls: (ids) => [`/admin/catalogue/etablissements/${ids.establishmentId}`] },
  "/admin/catalogue/activites/nouvelle": { urls: () => ["/admin/catalogue/activites/nouvelle"] },
  "/admin/catalogue/activites/[id]": { urls: (ids) => [`/admin/catalogue/activites/${ids.activityId}`] },
  "/admin/catalogue/unites/nouvelle": { urls: (ids) => [`/admin/catalogue/unites/nouvelle?periode=${ids.periodId}`] },
  "/admin/catalogue/unites/[id]": { urls: (ids) => [`/admin/catalogue/unites/${ids.unitId}`] },
  "/admin/catalogue/tranches": { urls: () => ["/admin/catalogue/tranches"] },
  "/admin/facturation": {
    urls: (ids) => ["/admin/facturation", `/admin/facturation?mois=${ids.billing.month}&regie=${ids.billing.regieId}`],
  },
  "/admin/catalogue/regies": { urls: () => ["/admin/catalogue/regies"], adminOnly: true },
  "/admin/catalogue/ecoles": { urls: () => ["/admin/catalogue/ecoles"] },
  "/admin/catalogue/ecoles/nouvelle": { urls: () => ["/admin/catalogue/ecoles/nouvelle"] },
  "/admin/catalogue/ecoles/[id]": { urls: (ids) => [`/admin/catalogue/ecoles/${ids.settings.schoolEdit}`] },
  "/admin/documents/types": { urls: () => ["/admin/documents/types"] },
  "/admin/documents/types/nouveau": { urls: () => ["/admin/documents/types/nouveau"] },
  "/admin/documents/types/[id]": { urls: (ids) => [`/admin/documents/types/${ids.settings.documentTypeEdit}`] },
  "/admin/catalogue/regies/nouvelle": { urls: () => ["/admin/catalogue/regies/nouvelle"], adminOnly: true },
  "/admin/catalogue/regies/[id]": { urls: (ids) => [`/admin/catalogue/regies/${ids.regies.edit}`], adminOnly: true },
  "/admin/factures": { urls: () => ["/admin/factures", "/admin/factures?etat=en-retard&q=MATRICE&mois=2026-10&page=2"] },
  "/admin/petite-enfance/facturation": {
    urls: () => ["/admin/petite-enfance/facturation", "/admin/petite-enfance/facturation?annee=2026"],
  },
  "/admin/petite-enfance/facturation/ressources": {
    urls: (ids) => [
      "/admin/petite-enfance/facturation/ressources",
      `/admin/petite-enfance/facturation/ressources?famille=${ids.family.id}&annee=2026&contrat=${ids.earlyChildhoodBilling.contractId}`,
    ],
  },
  "/admin/petite-enfance/contrats": { urls: () => ["/admin/petite-enfance/contrats"] },
  "/admin/petite-enfance/contrats/[id]": {
    urls: (ids) => [`/admin/petite-enfance/contrats/${ids.earlyChildhoodBilling.contractId}`],
  },
  "/admin/petite-enfance/attestations": {
    urls: () => ["/admin/petite-enfance/attestations", "/admin/petite-enfance/attestations?annee=2024"],
  },
  "/admin/factures/[id]": { urls: (ids) => [`/admin/factures/${ids.invoiceId}`] },
  "/admin/contenus": { urls: () => ["/admin/contenus"] },
  "/admin/contenus/consentements": { urls: () => ["/admin/contenus/consentements"], adminOnly: true },
  "/admin/contenus/consentements/[kind]": {
    urls: () => ["/admin/contenus/consentements/reglements", "/admin/contenus/consentements/autorisations-enfant"],
    adminOnly: true,
  },
  "/admin/personnel": { urls: () => ["/admin/personnel"], adminOnly: true },
  "/admin/journal": { urls: () => ["/admin/journal"], adminOnly: true },
  "/admin/envois": { urls: () => ["/admin/envois", "/admin/envois?etat=en-echec&q=matrice&page=2"], adminOnly: true },
  "/admin/paiements-en-ligne": { urls: () => ["/admin/paiements-en-ligne", "/admin/paiements-en-ligne?etat=en-cours&page=2"] },
  "/admin/petite-enfance": { urls: () => ["/admin/petite-enfance"] },
  "/admin/petite-enfance/creches": { urls: () => ["/admin/petite-enfance/creches"], adminOnly: true },
  "/admin/petite-enfance/creches/nouvelle": { urls: () => ["/admin/petite-enfance/creches/nouvelle"], adminOnly: true },
  "/admin/petite-enfance/creches/[id]": {
    urls: (ids) => [`/admin/petite-enfance/creches/${ids.earlyChildhood.crecheId}`],
    adminOnly: true,
  },
  "/admin/petite-enfance/criteres": { urls: () => ["/admin/petite-enfance/criteres"], adminOnly: true },
  "/admin/petite-enfance/criteres/[id]": {
    urls: (ids) => [`/admin/petite-enfance/criteres/${ids.earlyChildhood.criterionId}`],
    adminOnly: true,
  },
  "/admin/petite-enfance/demandes": {
    urls: (ids) => [
      "/admin/petite-enfance/demandes",
      `/admin/petite-enfance/demandes?creche=${ids.earlyChildhood.crecheId}&groupe=BEBES&etat=SUBMITTED&mois=2027-09&page=2`,
    ],
  },
  "/admin/petite-enfance/demandes/[id]": { urls: (ids) => [`/admin/petite-enfance/demandes/${ids.earlyChildhood.underReview}`] },
  "/admin/petite-enfance/commission": { urls: () => ["/admin/petite-enfance/commission"] },
  "/admin/petite-enfance/commission/[id]": {
    urls: (ids) => [`/admin/petite-enfance/commission/${ids.earlyChildhood.sessionId}`],
  },
  "/admin/petite-enfance/listes-attente": {
    urls: (ids) => [
      "/admin/petite-enfance/listes-attente",
      `/admin/petite-enfance/listes-attente?creche=${ids.earlyChildhood.crecheId}`,
    ],
  },
};

// ─── Actions ────────────────────────────────────────────────────────────────────────────────

/** The page whose forms post an action file's actions: the allowed role posts there. */
const ACTION_PAGES: Record<string, (ids: MatrixIds) => string> = {
  "app/admin/contenus/actions.ts": () => "/admin/contenus",
  "app/admin/contenus/consentements/actions.ts": () => "/admin/contenus/consentements/signature-numerique",
  "app/admin/familles/actions.ts": () => `/admin/familles/${DEMO_IDS.family}`,
  "app/admin/reservations/actions.ts": () => "/admin/reservations",
  "app/admin/catalogue/actions.ts": () => "/admin/catalogue",
  "app/admin/catalogue/unites/actions.ts": (ids) => `/admin/catalogue/unites/${ids.catalogue.units.edit}`,
  "app/admin/catalogue/tranches/actions.ts": () => "/admin/catalogue/tranches",
  "app/admin/personnel/actions.ts": () => "/admin/personnel",
  "app/admin/documents/actions.ts": (ids) => `/admin/documents/${ids.documentId}`,
  "app/admin/envois/actions.ts": () => "/admin/envois",
  "app/admin/listes/actions.ts": () => "/admin/listes",
  "app/admin/facturation/actions.ts": () => "/admin/facturation",
  "app/admin/paiements-en-ligne/actions.ts": () => "/admin/paiements-en-ligne",
  "app/admin/catalogue/regies/actions.ts": () => "/admin/catalogue/regies",
  "app/admin/catalogue/ecoles/actions.ts": () => "/admin/catalogue/ecoles",
  "app/admin/documents/types/actions.ts": () => "/admin/documents/types",
  "app/admin/factures/actions.ts": (ids) => `/admin/factures/${ids.invoiceId}`,
  "app/admin/petite-enfance/creches/actions.ts": () => "/admin/petite-enfance/creches",
  "app/admin/petite-enfance/criteres/actions.ts": () => "/admin/petite-enfance/criteres",
  "app/admin/petite-enfance/demandes/actions.ts": (ids) => `/admin/petite-enfance/demandes/${ids.earlyChildhood.underReview}`,
  "app/admin/petite-enfance/commission/actions.ts": (ids) => `/admin/petite-enfance/commission/${ids.earlyChildhood.sessionId}`,
  "app/admin/petite-enfance/facturation/actions.ts": () => "/admin/petite-enfance/facturation",
  "app/admin/petite-enfance/contrats/actions.ts": (ids) =>
    `/admin/petite-enfance/contrats/${ids.earlyChildhoodBilling.contractId}`,
  "app/admin/petite-enfance/attestations/actions.ts": () => "/admin/petite-enfance/attestations",
};

const upload = (name: string, mimeType: string): FilePart => ({
  name,
  mimeType,
  buffer: fs.readFileSync(path.resolve(__dirname, "../fixtures/uploads", name)),
});
const PDF = upload("good-document.pdf", "application/pdf");
const PNG = upload("good-scan.png", "image/png");
const md5 = (bytes: Uint8Array | null | undefined) => (bytes ? crypto.createHash("md5").update(bytes).digest("hex") : null);
const json = (input: Record<string, unknown>): ActionArgument => ({ json: input });
const day = (value: string) => new Date(`${value}T00:00:00Z`);

/** A complete family record as the staff form posts it (no statements: staff never accept them). */
const STAFF_FAMILY_RECORD = {
  familyId: DEMO_IDS.family,
  version: 1, // the seeded record's

  civility: "M_ET_MME",
  name: "PIRATE",
  street: "1 rue Pirate",
  addressComplement: "",
  postalCode: "12000",
  city: "RODEZ",
  homePhone: "05 65 00 00 00",
  situation: "MARIES",
  allowanceNumber: "",
  allowanceHolder: null,
  benefitScheme: "CAF",
  ...guardianAnswers(1, { civility: "M", lastName: "PIRATE", firstName: "Pi", mobilePhone: "06 00 00 00 00" }),
  ...guardianAnswers(2, {}),
};

/** A complete child sheet as the staff form posts it (no « J'accepte », no authorisations: the family's). */
const staffChildSheet = (schoolId: string) => ({
  familyId: DEMO_IDS.family,
  childId: DEMO_IDS.julien,
  version: 1,
  lastName: "PIRATE",
  firstName: "PIRATE",
  sex: "M",
  birthDate: "2016-08-20",
  schoolId,
  schoolLevel: "CM2",
  schoolClass: "",
  ...childSheetCareAnswers({
    doctorName: "Dr Pirate",
    emergencyContacts: [{ name: "Pi RATE", relation: "Oncle", phone: "06 00 00 00 00" }],
  }),
});

/** A period as its form posts it, valid for the schema (the demo school year, every weekday). */
const periodPayload = (ids: MatrixIds, name: string) => ({
  establishmentId: ids.catalogue.hostEstablishmentId,
  activityId: ids.catalogue.editActivityId,
  name,
  startDate: "2026-09-01",
  endDate: "2027-07-02",
  openWeekdays: "1,2,3,4,5,6,7",
  lastBookingDate: "",
  bookingKind: "DAYS_BEFORE",
  bookingDaysBefore: "0",
  bookingTime: "23:59",
  changeKind: "DAYS_BEFORE",
  changeDaysBefore: "0",
  changeTime: "23:59",
  validationMode: "AUTO",
  minAgeYears: "",
  maxAgeYears: "",
  schoolLevels: "",
  eligibleSchoolIds: "",
  active: "true",
});

type Spec = {
  adminOnly?: true;
  /** What the action's form (or client component) sends. */
  argument: (ids: MatrixIds) => ActionArgument;
  /** What the accepted call changes: read before and after it; `after` is the value expected then. */
  read: (db: PrismaClient, ids: MatrixIds) => Promise<unknown>;
  after: (ids: MatrixIds, before: unknown) => unknown;
  /** Accepted actions answer { ok: true }, or redirect to this address. */
  redirectsTo?: string;
};

// One line per action, run in this order: a payload valid for its schema and its target, so that
// a refusal can only come from the caller. A new admin action without a line fails the test.
const SPECS: Record<string, Spec> = {
  createNewsAction: {
    argument: () => json({ title: "Matrice : actualité créée", body: "Texte", published: true }),
    read: (db) => db.news.count({ where: { title: "Matrice : actualité créée" } }),
    after: () => 1,
  },
  updateNewsAction: {
    argument: (ids) => json({ id: ids.news.edit, title: "Matrice : actualité modifiée", body: "Texte modifié" }),
    read: async (db, ids) => (await db.news.findUniqueOrThrow({ where: { id: ids.news.edit } })).title,
    after: () => "Matrice : actualité modifiée",
  },
  setNewsPublishedAction: {
    argument: (ids) => json({ id: ids.news.unpublish, published: "false" }),
    read: async (db, ids) => (await db.news.findUniqueOrThrow({ where: { id: ids.news.unpublish } })).published,
    after: () => false,
  },
  uploadServiceDocumentAction: {
    argument: (ids) => ({
      form: [
        ["activityId", ids.catalogue.editActivityId],
        ["kind", "REGLEMENT"],
        ["title", "Matrice : règlement"],
        ["file", PDF],
      ],
    }),
    read: (db) =>
      db.serviceDocument.findMany({
        where: { title: "Matrice : règlement" },
        select: { kind: true, mimeType: true, size: true, originalName: true },
      }),
    after: () => [{ kind: "REGLEMENT", mimeType: "application/pdf", size: PDF.buffer.length, originalName: PDF.name }],
  },
  deleteServiceDocumentAction: {
    argument: (ids) => json({ id: ids.serviceDocumentId }),
    read: (db, ids) => db.serviceDocument.count({ where: { id: ids.serviceDocumentId } }),
    after: () => 0,
  },
  updateTownSettingsAction: {
    adminOnly: true,
    argument: () =>
      json({
        townName: "Ville pirate",
        portalName: "Portail pirate",
        guichetName: "Guichet pirate",
        guichetPhone: "00 00 00 00 00",
        guichetEmail: "pirate@exemple.fr",
        guichetAddress: "Île de la Tortue",
        guichetHours: "Jamais",
        primaryColor: "#000000",
      }),
    read: async (db) => (await db.townSettings.findUniqueOrThrow({ where: { id: 1 } })).townName,
    after: () => "Ville pirate",
  },
  uploadTownLogoAction: {
    adminOnly: true,
    argument: () => ({ form: [["file", PNG]] }),
    read: async (db) => {
      const town = await db.townSettings.findUniqueOrThrow({ where: { id: 1 } });
      return { mimeType: town.logoMimeType, md5: md5(town.logo) };
    },
    after: () => ({ mimeType: "image/png", md5: md5(PNG.buffer) }),
  },
  removeTownLogoAction: {
    adminOnly: true,
    argument: () => json({}),
    read: async (db) => (await db.townSettings.findUniqueOrThrow({ where: { id: 1 } })).logoMimeType,
    after: () => null,
  },
  createUsefulContactAction: {
    argument: () => json({ label: "Matrice : contact créé", phone: "00 00 00 00 00", sortOrder: "0" }),
    read: (db) => db.usefulContact.count({ where: { label: "Matrice : contact créé" } }),
    after: () => 1,
  },
  updateUsefulContactAction: {
    argument: (ids) => json({ id: ids.contacts.edit, label: "Matrice : contact modifié", sortOrder: "0" }),
    read: async (db, ids) => (await db.usefulContact.findUniqueOrThrow({ where: { id: ids.contacts.edit } })).label,
    after: () => "Matrice : contact modifié",
  },
  deleteUsefulContactAction: {
    argument: (ids) => json({ id: ids.contacts.remove }),
    read: (db, ids) => db.usefulContact.count({ where: { id: ids.contacts.remove } }),
    after: () => 0,
  },
  createFamilyAction: {
    argument: () => json({ familyName: "PIRATE", firstName: "Pi", lastName: "Rate", email: "matrice.famille@exemple.fr" }),
    read: (db) => db.user.count({ where: { email: "matrice.famille@exemple.fr", role: "PARENT", family: { name: "PIRATE" } } }),
    after: () => 1,
  },
  resendActivationAction: {
    argument: (ids) => json({ familyId: ids.family.id, userId: ids.family.inviteeId }),
    read: (db, ids) => db.authToken.count({ where: { userId: ids.family.inviteeId, purpose: "ACTIVATION" } }),
    after: () => 1,
  },
  setAccountActiveAction: {
    argument: (ids) => json({ familyId: ids.family.id, userId: ids.family.memberId, active: "false" }),
    read: async (db, ids) => (await db.user.findUniqueOrThrow({ where: { id: ids.family.memberId } })).active,
    after: () => false,
  },
  setQuotientAction: {
    argument: (ids) => json({ familyId: ids.family.id, quotientFamilial: "720", validFrom: "2026-09-01" }),
    read: async (db, ids) => (await db.family.findUniqueOrThrow({ where: { id: ids.family.id } })).quotientFamilial,
    after: () => 720,
  },
  showChildHealthAction: {
    argument: () => json({ familyId: DEMO_IDS.family, childId: DEMO_IDS.julien }),
    // Each display is journaled (no context: the explicit « Afficher les informations médicales »).
    read: (db, ids) =>
      db.auditLog
        .findMany({ where: { action: "child.health.read", childId: DEMO_IDS.julien, actorUserId: ids.agentId } })
        .then((rows) => rows.filter((row) => row.details === null).length),
    after: (_ids, before) => (before as number) + 1,
  },
  saveFamilyRecordStaffAction: {
    argument: () => json(STAFF_FAMILY_RECORD),
    read: (db) => db.family.findUniqueOrThrow({ where: { id: DEMO_IDS.family }, select: { name: true, version: true } }),
    after: () => ({ name: "PIRATE", version: 2 }),
  },
  saveChildSheetStaffAction: {
    argument: (ids) => json(staffChildSheet(ids.schoolId)),
    read: (db) =>
      db.child.findUniqueOrThrow({
        where: { id: DEMO_IDS.julien },
        select: { version: true, health: { select: { doctorName: true } } },
      }),
    after: () => ({ version: 2, health: { doctorName: "Dr Pirate" } }),
  },
  updateChildIdentityAction: {
    argument: (ids) =>
      json({
        familyId: ids.family.id,
        childId: ids.family.childId,
        version: 1,
        lastName: "MATRICE",
        firstName: "Louise",
        sex: "F",
        birthDate: "2018-05-05",
        schoolId: ids.schoolId,
        schoolLevel: "CE2",
        schoolClass: "",
      }),
    read: (db, ids) =>
      db.child.findUniqueOrThrow({ where: { id: ids.family.childId }, select: { firstName: true, version: true } }),
    after: () => ({ firstName: "LOUISE", version: 2 }),
  },
  addChildAction: {
    argument: (ids) =>
      json({
        familyId: DEMO_IDS.family,
        lastName: "PIRATE",
        firstName: "Pi",
        sex: "M",
        birthDate: "2020-01-01",
        schoolId: ids.schoolId,
        schoolLevel: "CP",
      }),
    read: (db) => db.child.count({ where: { familyId: DEMO_IDS.family, firstName: "PI" } }),
    after: () => 1,
  },
  decideReservationAction: {
    argument: (ids) => json({ decision: "REFUSED", dayId: ids.pendingDayId, message: "Matrice" }),
    read: async (db, ids) => (await db.reservationDay.findUniqueOrThrow({ where: { id: ids.pendingDayId } })).status,
    after: () => "REFUSED",
  },
  decideLinesAction: {
    argument: (ids) => json({ decision: "ACCEPTED", dayIds: [ids.bulkDayId], message: "" }),
    read: async (db, ids) => (await db.reservationDay.findUniqueOrThrow({ where: { id: ids.bulkDayId } })).status,
    after: () => "ACCEPTED",
  },
  cancelDaysAction: {
    argument: (ids) => json({ reservationId: ids.lunch.reservationId, dayIds: [ids.lunch.dayId], reason: "Matrice" }),
    read: (db, ids) =>
      db.reservationDay.findUniqueOrThrow({ where: { id: ids.lunch.dayId }, select: { status: true, staffMessage: true } }),
    after: () => ({ status: "CANCELLED", staffMessage: "Matrice" }),
  },
  createEstablishmentAction: {
    argument: () => json({ name: "MATRICE ÉTABLISSEMENT CRÉÉ", address: "Île de la Tortue", active: "true" }),
    read: (db) => db.establishment.count({ where: { name: "MATRICE ÉTABLISSEMENT CRÉÉ" } }),
    after: () => 1,
  },
  updateEstablishmentAction: {
    // Closing it: it has no booking, so nothing but the role can refuse it.
    argument: (ids) => json({ id: ids.catalogue.closingEstablishmentId, name: "MATRICE FERMÉ", active: "false" }),
    read: (db, ids) =>
      db.establishment.findUniqueOrThrow({
        where: { id: ids.catalogue.closingEstablishmentId },
        select: { name: true, active: true },
      }),
    after: () => ({ name: "MATRICE FERMÉ", active: false }),
  },
  createActivityAction: {
    argument: () => json({ code: "MATRICE_CREEE", name: "Matrice : activité créée", sortOrder: "0" }),
    read: (db) => db.activity.count({ where: { code: "MATRICE_CREEE" } }),
    after: () => 1,
  },
  updateActivityAction: {
    argument: (ids) =>
      json({
        id: ids.catalogue.editActivityId,
        code: "MATRICE_MODIFIEE",
        name: "Matrice : activité modifiée",
        sortOrder: "9",
      }),
    read: (db, ids) =>
      db.activity.findUniqueOrThrow({ where: { id: ids.catalogue.editActivityId }, select: { code: true, sortOrder: true } }),
    after: () => ({ code: "MATRICE_MODIFIEE", sortOrder: 9 }),
  },
  createPeriodAction: {
    argument: (ids) => json(periodPayload(ids, "MATRICE PÉRIODE CRÉÉE")),
    read: (db, ids) =>
      db.period.count({ where: { establishmentId: ids.catalogue.hostEstablishmentId, name: "MATRICE PÉRIODE CRÉÉE" } }),
    after: () => 1,
  },
  updatePeriodAction: {
    argument: (ids) => json({ id: ids.catalogue.editPeriodId, ...periodPayload(ids, "MATRICE PÉRIODE MODIFIÉE") }),
    read: async (db, ids) => (await db.period.findUniqueOrThrow({ where: { id: ids.catalogue.editPeriodId } })).name,
    after: () => "MATRICE PÉRIODE MODIFIÉE",
  },
  addClosuresAction: {
    argument: (ids) =>
      json({ periodId: ids.catalogue.unitsPeriodId, dates: "04/03/2027", reason: "Fermeture matrice", confirm: "true" }),
    read: (db, ids) => db.closure.count({ where: { periodId: ids.catalogue.unitsPeriodId, date: day("2027-03-04") } }),
    after: () => 1,
  },
  createUnitAction: {
    argument: (ids) =>
      json({
        periodId: ids.catalogue.unitsPeriodId,
        label: "MATRICE CRÉÉE",
        startTime: "10:00",
        endTime: "11:00",
        capacity: "5",
        sortOrder: "9",
      }),
    read: (db, ids) => db.unit.count({ where: { periodId: ids.catalogue.unitsPeriodId, label: "MATRICE CRÉÉE" } }),
    after: () => 1,
  },
  updateUnitAction: {
    argument: (ids) =>
      json({
        id: ids.catalogue.units.edit,
        label: "MATRICE MODIFIÉE",
        startTime: "10:00",
        endTime: "11:00",
        capacity: "2",
        sortOrder: "0",
      }),
    read: (db, ids) =>
      db.unit.findUniqueOrThrow({ where: { id: ids.catalogue.units.edit }, select: { label: true, capacity: true } }),
    after: () => ({ label: "MATRICE MODIFIÉE", capacity: 2 }),
  },
  deleteUnitAction: {
    argument: (ids) => json({ id: ids.catalogue.units.remove }),
    read: (db, ids) => db.unit.count({ where: { id: ids.catalogue.units.remove } }),
    after: () => 0,
  },
  setDayCapacityAction: {
    argument: (ids) => json({ unitId: ids.catalogue.units.capacity, dates: "05/03/2027", capacity: "0" }),
    read: (db, ids) =>
      db.unitDay.findUnique({
        where: { unitId_date: { unitId: ids.catalogue.units.capacity, date: day("2027-03-05") } },
        select: { capacity: true, capacityOverridden: true },
      }),
    after: () => ({ capacity: 0, capacityOverridden: true }),
  },
  resetDayCapacityAction: {
    // A day whose capacity was set by hand (3 instead of the unit's 10).
    argument: (ids) => json({ unitId: ids.catalogue.units.reset, date: RESET_DAY }),
    read: (db, ids) =>
      db.unitDay.findUniqueOrThrow({
        where: { unitId_date: { unitId: ids.catalogue.units.reset, date: day(RESET_DAY) } },
        select: { capacity: true, capacityOverridden: true },
      }),
    after: () => ({ capacity: 10, capacityOverridden: false }),
  },
  saveTariffsAction: {
    // One price per bracket as prepared: before the brackets' own lines below change them.
    argument: (ids) =>
      json({ unitId: ids.catalogue.units.tariffs, ...Object.fromEntries(ids.bracketIds.map((id) => [`price_${id}`, "9,99"])) }),
    read: async (db, ids) => {
      const tariffs = await db.tariff.findMany({
        where: { unitId: ids.catalogue.units.tariffs },
        select: { bracketId: true, priceCents: true },
      });
      return tariffs.sort((a, b) => a.bracketId.localeCompare(b.bracketId));
    },
    after: (ids) => [...ids.bracketIds].sort((a, b) => a.localeCompare(b)).map((bracketId) => ({ bracketId, priceCents: 999 })),
  },
  createQfBracketAction: {
    // 5 000-6 000 is free: the prepared brackets stop at 5 000 and start again at 6 000.
    argument: () => json({ label: "Matrice : tranche créée", minQf: "5000", maxQf: "6000" }),
    read: (db) => db.qfBracket.findMany({ where: { label: "Matrice : tranche créée" }, select: { minQf: true, maxQf: true } }),
    after: () => [{ minQf: 5000, maxQf: 6000 }],
  },
  updateQfBracketAction: {
    argument: (ids) => json({ id: ids.brackets.edit, label: "Matrice : tranche modifiée", minQf: "6000", maxQf: "6500" }),
    read: (db, ids) => db.qfBracket.findUniqueOrThrow({ where: { id: ids.brackets.edit }, select: { label: true, maxQf: true } }),
    after: () => ({ label: "Matrice : tranche modifiée", maxQf: 6500 }),
  },
  deleteQfBracketAction: {
    argument: (ids) => json({ id: ids.brackets.remove }),
    read: (db, ids) => db.qfBracket.count({ where: { id: ids.brackets.remove } }),
    after: () => 0,
  },
  createStaffAction: {
    adminOnly: true,
    argument: () => json({ firstName: "Pi", lastName: "Rate", email: "matrice.recrue@mairie.test", role: "ADMIN" }),
    read: (db) => db.user.count({ where: { email: "matrice.recrue@mairie.test", role: "ADMIN" } }),
    after: () => 1,
  },
  setStaffRoleAction: {
    adminOnly: true,
    argument: (ids) => json({ userId: ids.staff.role, role: "ADMIN" }),
    read: async (db, ids) => (await db.user.findUniqueOrThrow({ where: { id: ids.staff.role } })).role,
    after: () => "ADMIN",
  },
  setStaffActiveAction: {
    adminOnly: true,
    argument: (ids) => json({ userId: ids.staff.active, active: "false" }),
    read: async (db, ids) => (await db.user.findUniqueOrThrow({ where: { id: ids.staff.active } })).active,
    after: () => false,
  },
  resetStaffSecondFactorAction: {
    adminOnly: true,
    argument: (ids) => json({ userId: ids.staff.secondFactor }),
    read: async (db, ids) => {
      const user = await db.user.findUniqueOrThrow({
        where: { id: ids.staff.secondFactor },
        select: { totpEnabledAt: true, _count: { select: { recoveryCodes: true } } },
      });
      return { enrolled: user.totpEnabledAt !== null, recoveryCodes: user._count.recoveryCodes };
    },
    after: () => ({ enrolled: false, recoveryCodes: 0 }),
  },
  resendMailAction: {
    adminOnly: true,
    argument: (ids) => json({ id: ids.failedMailId }),
    // Audited in the transaction that puts it back: the count says it ran (a job runtime may then send it at once).
    read: (db, ids) => db.auditLog.count({ where: { action: "outbox.resend", targetId: ids.failedMailId } }),
    after: () => 1,
  },
  recheckPayfipAction: {
    // PayFiP (the stand-in the portal talks to) does not know the operation: P1, so it expires.
    argument: (ids) => json({ operationId: ids.payfipOperationId }),
    read: async (db, ids) => (await db.payfipOperation.findUniqueOrThrow({ where: { id: ids.payfipOperationId } })).status,
    after: () => "EXPIRED",
  },
  markAttendanceAction: {
    // An agent marks today's pointage (the correction window by role is tested in tests/integration/attendance.test.ts).
    argument: (ids) => json({ reservationDayId: ids.attendanceDayId, status: "ABSENT_EXCUSE" }),
    read: (db, ids) => db.attendance.findUnique({ where: { reservationDayId: ids.attendanceDayId }, select: { status: true } }),
    after: () => ({ status: "ABSENT_EXCUSE" }),
  },
  generateInvoicesAction: {
    // The matrix's own régie: MATRICE's October day becomes one invoice of a run.
    argument: (ids) => json({ regieId: ids.billing.regieId, month: ids.billing.month }),
    read: (db, ids) => db.invoice.count({ where: { regieId: ids.billing.regieId, runId: { not: null } } }),
    after: () => 1,
  },
  cancelInvoiceAction: {
    argument: (ids) => json({ invoiceId: ids.billing.invoiceId, reason: "Matrice : annulation" }),
    read: async (db, ids) => (await db.invoice.findUniqueOrThrow({ where: { id: ids.billing.invoiceId } })).status,
    after: () => "CANCELLED",
  },
  savePsuYearAction: {
    adminOnly: true,
    argument: () =>
      json({
        year: "2031",
        floor: "801,00",
        ceiling: "7000,00",
        rateOneChild: "0,0619",
        rateTwoChildren: "0,0516",
        rateThreeChildren: "0,0413",
        rateFourChildren: "0,0310",
        rateEightChildren: "0,0206",
      }),
    read: (db) => db.psuYear.count({ where: { year: 2031 } }),
    after: () => 1,
  },
  setFamilyResourcesAction: {
    argument: (ids) =>
      json({
        familyId: ids.family.id,
        year: "2026",
        annualResources: "36000",
        dependentChildren: "2",
        aeeh: "on",
        contractId: "",
      }),
    read: (db, ids) => db.familyChildcareResources.count({ where: { familyId: ids.family.id, year: 2026 } }),
    after: () => 1,
  },
  addAdjustmentAction: {
    // Tuesday 5 January 2027: a day of the contract's planning (lundi–jeudi), January not invoiced.
    argument: (ids) =>
      json({
        contractId: ids.earlyChildhoodBilling.contractId,
        date: "2027-01-05",
        kind: "CRECHE_CLOSURE",
        minutes: "",
        note: "",
      }),
    read: (db, ids) =>
      db.childcareAdjustment.count({ where: { contractId: ids.earlyChildhoodBilling.contractId, kind: "CRECHE_CLOSURE" } }),
    after: () => 1,
  },
  removeAdjustmentAction: {
    argument: (ids) => json({ id: ids.earlyChildhoodBilling.adjustmentId }),
    read: (db, ids) => db.childcareAdjustment.count({ where: { id: ids.earlyChildhoodBilling.adjustmentId } }),
    after: () => 0,
  },
  generateCertificatesAction: {
    argument: () => json({ year: "2025" }),
    read: (db) => db.childcareCertificate.count({ where: { year: 2025 } }),
    after: () => 1,
  },
  setBillExcusedAbsenceAction: {
    adminOnly: true,
    argument: () => json({ billExcusedAbsence: "true" }),
    read: async (db) => (await db.townSettings.findUniqueOrThrow({ where: { id: 1 } })).billExcusedAbsence,
    after: () => true,
  },
  createRegieAction: {
    adminOnly: true,
    argument: () =>
      json({
        name: "Matrice : régie créée",
        code: "MATRICECR",
        payfipClientNumber: "",
        paymentDeadlineDays: "30",
        mentions: "",
        activityIds: "",
        active: "true",
      }),
    read: (db) => db.regie.count({ where: { code: "MATRICECR" } }),
    after: () => 1,
  },
  updateRegieAction: {
    adminOnly: true,
    argument: (ids) =>
      json({
        id: ids.regies.edit,
        name: "Matrice : régie modifiée",
        code: "MATRICEED",
        payfipClientNumber: "654321",
        payableOnline: "true",
        paymentDeadlineDays: "45",
        mentions: "Mentions",
        activityIds: "",
        active: "true",
      }),
    read: (db, ids) =>
      db.regie.findUniqueOrThrow({ where: { id: ids.regies.edit }, select: { name: true, payfipClientNumber: true } }),
    after: () => ({ name: "Matrice : régie modifiée", payfipClientNumber: "654321" }),
  },
  publishConsentTextAction: {
    adminOnly: true,
    argument: () => json({ kind: "SIGNATURE_NUMERIQUE", body: "Matrice : signature numérique, version 2.", basedOnVersion: "1" }),
    read: (db) => db.consentText.count({ where: { kind: "SIGNATURE_NUMERIQUE" } }),
    after: () => 2,
  },
  deleteRegieAction: {
    adminOnly: true,
    argument: (ids) => json({ id: ids.regies.remove }),
    read: (db, ids) => db.regie.count({ where: { id: ids.regies.remove } }),
    after: () => 0,
  },
  createDocumentTypeAction: {
    argument: () => json({ label: "Matrice : type créé", scope: "CHILD", sortOrder: "0", active: "true" }),
    read: (db) => db.documentType.count({ where: { label: "Matrice : type créé" } }),
    after: () => 1,
  },
  updateDocumentTypeAction: {
    argument: (ids) =>
      json({
        id: ids.settings.documentTypeEdit,
        label: "Matrice : type modifié",
        scope: "FAMILY",
        mandatory: "true",
        sortOrder: "3",
      }),
    read: (db, ids) =>
      db.documentType.findUniqueOrThrow({
        where: { id: ids.settings.documentTypeEdit },
        select: { label: true, mandatory: true, active: true },
      }),
    after: () => ({ label: "Matrice : type modifié", mandatory: true, active: false }),
  },
  deleteDocumentTypeAction: {
    argument: (ids) => json({ id: ids.settings.documentTypeRemove }),
    read: (db, ids) => db.documentType.count({ where: { id: ids.settings.documentTypeRemove } }),
    after: () => 0,
  },
  createSchoolAction: {
    argument: () => json({ name: "Matrice : école créée", address: "", kind: "MATERNELLE", levels: "PS,MS,GS" }),
    read: (db) => db.school.count({ where: { name: "Matrice : école créée" } }),
    after: () => 1,
  },
  updateSchoolAction: {
    argument: (ids) =>
      json({ id: ids.settings.schoolEdit, name: "Matrice : école modifiée", kind: "ELEMENTAIRE", levels: "CP,CE1,CE2" }),
    read: (db, ids) =>
      db.school.findUniqueOrThrow({ where: { id: ids.settings.schoolEdit }, select: { name: true, levels: true } }),
    after: () => ({ name: "Matrice : école modifiée", levels: ["CP", "CE1", "CE2"] }),
  },
  deleteSchoolAction: {
    argument: (ids) => json({ id: ids.settings.schoolRemove }),
    read: (db, ids) => db.school.count({ where: { id: ids.settings.schoolRemove } }),
    after: () => 0,
  },
  recordPaymentAction: {
    argument: (ids) =>
      json({
        invoiceId: ids.invoiceId,
        method: "CHEQUE",
        amount: "5,00",
        receivedOn: DEFAULT_PORTAL_CLOCK.slice(0, 10),
        receiptNumber: "Matrice 1",
      }),
    read: async (db, ids) => (await db.invoice.findUniqueOrThrow({ where: { id: ids.invoiceId } })).paidCents,
    after: () => 500,
  },
  createCrecheAction: {
    adminOnly: true,
    argument: () =>
      json({
        name: "MATRICE : CRÈCHE CRÉÉE",
        code: "MATRICECR",
        address: "",
        opensAt: "07:30",
        closesAt: "18:30",
        regieId: "",
        placesBebes: "1",
        placesMoyens: "2",
        placesGrands: "3",
        sortOrder: "",
        active: "true",
      }),
    read: (db) => db.crecheCapacity.count({ where: { creche: { code: "MATRICECR" } } }),
    after: () => 3,
  },
  updateCrecheAction: {
    adminOnly: true,
    argument: (ids) =>
      json({
        id: ids.earlyChildhood.crecheId,
        name: "MATRICE : CRÈCHE MODIFIÉE",
        code: "MATRICE",
        address: "",
        opensAt: "08:00",
        closesAt: "18:00",
        regieId: "",
        placesBebes: "5",
        placesMoyens: "5",
        placesGrands: "5",
        sortOrder: "",
        active: "true",
      }),
    read: (db, ids) =>
      db.creche.findUniqueOrThrow({ where: { id: ids.earlyChildhood.crecheId }, select: { name: true, opensAt: true } }),
    after: () => ({ name: "MATRICE : CRÈCHE MODIFIÉE", opensAt: "08:00" }),
  },
  updateCriterionAction: {
    adminOnly: true,
    argument: (ids) =>
      json({
        id: ids.earlyChildhood.criterionId,
        label: "Matrice : critère modifié",
        points: "7",
        sortOrder: "9",
        active: "true",
      }),
    read: (db, ids) =>
      db.admissionCriterion.findUniqueOrThrow({
        where: { id: ids.earlyChildhood.criterionId },
        select: { label: true, points: true },
      }),
    after: () => ({ label: "Matrice : critère modifié", points: 7 }),
  },
  underReviewAction: {
    argument: (ids) => json({ id: ids.earlyChildhood.underReview, version: "1" }),
    read: async (db, ids) =>
      (await db.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: ids.earlyChildhood.underReview } })).status,
    after: () => "UNDER_REVIEW",
  },
  waitingListAction: {
    argument: (ids) => json({ id: ids.earlyChildhood.waitingList, version: "1" }),
    read: async (db, ids) =>
      (
        await db.earlyChildhoodChoice.findFirstOrThrow({
          where: { requestId: ids.earlyChildhood.waitingList },
          select: { waitingPosition: true },
        })
      ).waitingPosition,
    after: () => 1,
  },
  offerPlaceAction: {
    argument: (ids) =>
      json({
        id: ids.earlyChildhood.offer,
        version: "1",
        crecheId: ids.earlyChildhood.crecheId,
        startDate: "2027-09-01",
        endDate: "2030-07-31",
        answerBy: "2026-12-15",
        absenceWeeks: "5",
        from1: "08:30",
        to1: "17:30",
      }),
    read: async (db, ids) =>
      (await db.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: ids.earlyChildhood.offer } })).status,
    after: () => "PLACE_OFFERED",
  },
  refuseRequestAction: {
    argument: (ids) => json({ id: ids.earlyChildhood.refuse, version: "1", reason: "Matrice : refus" }),
    read: async (db, ids) =>
      (await db.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: ids.earlyChildhood.refuse } })).refusalReason,
    after: () => "Matrice : refus",
  },
  createCommissionAction: {
    argument: () => json({ sessionDate: "2026-12-10", placesDate: "2027-09-01" }),
    read: (db) => db.commissionSession.count({ where: { sessionDate: day("2026-12-10") } }),
    after: () => 1,
  },
  commissionStepAction: {
    argument: (ids) =>
      json({
        sessionId: ids.earlyChildhood.sessionId,
        [`decision_${ids.earlyChildhood.commissionRequest}`]: "REFUSE",
        [`version_${ids.earlyChildhood.commissionRequest}`]: "1",
        [`reason_${ids.earlyChildhood.commissionRequest}`]: "Matrice : refus en commission",
      }),
    read: (db, ids) => db.earlyChildhoodDecision.count({ where: { sessionId: ids.earlyChildhood.sessionId } }),
    after: () => 1,
  },
  reviewDocumentAction: {
    // A SUBMITTED document: staff may decide on it.
    argument: (ids) => json({ id: ids.documentId, decision: "accept" }),
    read: async (db, ids) => (await db.document.findUniqueOrThrow({ where: { id: ids.documentId } })).status,
    after: () => "ACCEPTED",
    redirectsTo: "/admin/documents?decision=accepte",
  },
};

/** Everything an admin action could change, as one comparable value (a JSON object: a diff names the part that moved). */
async function fingerprint(database: PortalPrisma): Promise<Record<string, unknown>> {
  const [rows] = await database.prisma.$queryRaw<{ state: string }[]>`
    SELECT json_build_object(
      'families', (SELECT count(*) FROM "Family"),
      'users', (SELECT string_agg(email || role || active || "sessionVersion" || coalesce("totpEnabledAt"::text, '-') || coalesce("totpSecret", '-'), ',' ORDER BY email) FROM "User"),
      'sessions', (SELECT count(*) || '/' || count("revokedAt") FROM "UserSession"),
      'loginChallenges', (SELECT count(*) || '/' || count("usedAt") FROM "LoginChallenge"),
      'recoveryCodes', (SELECT count(*) || '/' || count("usedAt") FROM "RecoveryCode"),
      'qf', (SELECT string_agg(coalesce("quotientFamilial", -1)::text, ',' ORDER BY id) FROM "Family"),
      'news', (SELECT string_agg(id || title || body || published, ',' ORDER BY id) FROM "News"),
      'serviceDocuments', (SELECT string_agg(id || title || kind, ',' ORDER BY id) FROM "ServiceDocument"),
      'documents', (SELECT string_agg(id || status || coalesce("refusalReason", ''), ',' ORDER BY id) FROM "Document"),
      'tokens', (SELECT count(*) FROM "AuthToken"),
      'mails', (SELECT count(*) FROM "OutboxMail"),
      'audit', (SELECT count(*) FROM "AuditLog"),
      'reservations', (SELECT string_agg(status::text, ',' ORDER BY id) FROM "Reservation"),
      'days', (SELECT string_agg(status::text, ',' ORDER BY id) FROM "ReservationDay"),
      'counters', (SELECT sum(booked) FROM "UnitDay"),
      'units', (SELECT string_agg(id || label || "startTime" || "endTime" || capacity || '/' || "sortOrder", ',' ORDER BY id) FROM "Unit"),
      'unitDays', (SELECT string_agg("unitId" || date || '/' || capacity || '/' || booked || "capacityOverridden", ',' ORDER BY "unitId", date) FROM "UnitDay"),
      'tariffs', (SELECT string_agg("unitId" || "bracketId" || "priceCents", ',' ORDER BY id) FROM "Tariff"),
      'brackets', (SELECT string_agg(id || label || "minQf" || '/' || coalesce("maxQf", -1), ',' ORDER BY id) FROM "QfBracket"),
      'closures', (SELECT count(*) FROM "Closure"),
      'creches', (SELECT string_agg(id || name || code || "opensAt" || "closesAt" || active, ',' ORDER BY id) FROM "Creche"),
      'crecheCapacities', (SELECT string_agg("crecheId" || "ageGroup" || places, ',' ORDER BY "crecheId", "ageGroup") FROM "CrecheCapacity"),
      'criteria', (SELECT string_agg(id || label || points || active || "sortOrder", ',' ORDER BY id) FROM "AdmissionCriterion"),
      'crecheRequests', (SELECT string_agg(id || status || version, ',' ORDER BY id) FROM "EarlyChildhoodRequest"),
      'waitingPositions', (SELECT string_agg("requestId" || "crecheId" || coalesce("waitingPosition", 0), ',' ORDER BY "requestId", "crecheId") FROM "EarlyChildhoodChoice"),
      'crecheDecisions', (SELECT count(*) FROM "EarlyChildhoodDecision"),
      'commissions', (SELECT count(*) FROM "CommissionSession"),
      'regies', (SELECT string_agg(id || name || code || coalesce("payfipClientNumber", '') || "payableOnline" || "paymentDeadlineDays" || mentions || active, ',' ORDER BY id) FROM "Regie"),
      'invoices', (SELECT coalesce(string_agg(id || status || "paidCents", ',' ORDER BY id), '') FROM "Invoice"),
      'payments', (SELECT count(*) FROM "Payment"),
      'attendance', (SELECT coalesce(string_agg("reservationDayId" || status || "markedAt", ',' ORDER BY "reservationDayId"), '') FROM "Attendance"),
      'billExcusedAbsence', (SELECT string_agg("billExcusedAbsence"::text, ',') FROM "TownSettings"),
      'establishments', (SELECT string_agg(id || name || coalesce("schoolId", '') || coalesce(address, '') || active, ',' ORDER BY id) FROM "Establishment"),
      'activities', (SELECT string_agg(id || code || name || COALESCE("regieId", '') || "sortOrder", ',' ORDER BY id) FROM "Activity"),
      'periods', (SELECT string_agg(id || name || "establishmentId" || "activityId" || "startDate" || "endDate" || "openWeekdays"::text || coalesce("lastBookingDate"::text, '') || "bookingRuleId" || "changeRuleId" || "validationMode" || coalesce("minAgeYears"::text, '') || coalesce("maxAgeYears"::text, '') || "schoolLevels"::text || active, ',' ORDER BY id) FROM "Period"),
      'deadlineRules', (SELECT string_agg(id || kind || coalesce(weekday::text, '') || coalesce("daysBefore"::text, '') || "timeOfDay", ',' ORDER BY id) FROM "DeadlineRule"),
      'documentTypes', (SELECT string_agg(id || label || scope || mandatory || active || "sortOrder" || coalesce("helpText", ''), ',' ORDER BY id) FROM "DocumentType"),
      'documentTypeServices', (SELECT coalesce(string_agg("documentTypeId" || "activityId", ',' ORDER BY "documentTypeId", "activityId"), '') FROM "DocumentTypeActivity"),
      'schools', (SELECT string_agg(id || name || kind || levels::text || coalesce(address, ''), ',' ORDER BY id) FROM "School"),
      'eligibleSchools', (SELECT string_agg("periodId" || "schoolId", ',' ORDER BY "periodId", "schoolId") FROM "PeriodEligibleSchool"),
      'town', (SELECT string_agg("townName" || "portalName" || "guichetName" || "guichetEmail" || "primaryColor" || coalesce("logoMimeType", '') || coalesce(md5("logo"), ''), ',') FROM "TownSettings"),
      'contacts', (SELECT string_agg(id || label || coalesce(phone, ''), ',' ORDER BY id) FROM "UsefulContact"),
      -- Family records and child sheets, whole rows (updatedAt included, so any write shows).
      'familyRecords', (SELECT md5(string_agg(row_to_json(f)::text, ',' ORDER BY f.id)) FROM "Family" f),
      'guardians', (SELECT md5(string_agg(row_to_json(g)::text, ',' ORDER BY g.id)) FROM "Guardian" g),
      'children', (SELECT md5(string_agg(row_to_json(c)::text, ',' ORDER BY c.id)) FROM "Child" c),
      'childHealth', (SELECT md5(string_agg(row_to_json(h)::text, ',' ORDER BY h."childId")) FROM "ChildHealth" h),
      'childPeople', (SELECT md5(coalesce(string_agg(row_to_json(e)::text, ',' ORDER BY e.id), '') || (SELECT coalesce(string_agg(row_to_json(a)::text, ',' ORDER BY a.id), '') FROM "AuthorisedPerson" a)) FROM "EmergencyContact" e),
      'consents', (SELECT md5(string_agg(row_to_json(k)::text, ',' ORDER BY k.id)) FROM "Consent" k),
      'consentTexts', (SELECT md5(string_agg(row_to_json(t)::text, ',' ORDER BY t.id)) FROM "ConsentText" t))::text AS state`;
  return JSON.parse(rows.state) as Record<string, unknown>;
}

type Who = "visitor" | "parent" | "signedOut" | "agent" | "admin";

/** What a POST of an action got, in words: the proxy's answer, or the action's own. */
async function outcome(response: Awaited<ReturnType<typeof postAction>>): Promise<string> {
  const body = await response.text();
  const location = response.headers().location ?? "";
  if (response.status() === 307 && location.startsWith("/connexion")) return "proxy: redirected to /connexion";
  if (response.status() === 404 && body === "Page introuvable") return "proxy: 404";
  // Next forwards a call posted to a page that does not hold the action; when the proxy refuses
  // the forwarded call, Next answers an empty JSON object (nothing ran).
  if (response.status() === 200 && body === "{}") return "forwarded call refused by the proxy";
  const redirect = response.headers()["x-action-redirect"];
  if (redirect) return `redirected to ${redirect}`;
  const result = actionResult(body) as { ok?: boolean; error?: string } | undefined;
  if (result?.ok === true) return "accepted";
  if (result?.ok === false) return `refused: ${result.error}`;
  return `HTTP ${response.status()}: ${body.slice(0, 300)}`;
}

describeE2e("the back office's authorization matrix", () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let portal: Portal;
  let database: PortalPrisma;
  let ids: MatrixIds;
  const contexts: Record<Who, BrowserContext> = {} as never;
  const actions = serverActions().filter((action) => action.file.startsWith("app/admin/"));

  let payfip: PayfipStandin;

  beforeAll(async () => {
    payfip = await startPayfipStandin();
    portal = await startPortal({
      env: { PAYFIP_URL: payfip.url },
      prepare: async (prepared) => {
        ids = await prepareMatrix(prepared);
      },
    });
    ({ browser, close } = await launchBrowser());
    // The test reads the portal's database while it runs, on PostgreSQL and on the embedded PGlite alike.
    database = await portal.connectDatabase();
    contexts.visitor = await newContext(browser, portal.baseUrl);
    for (const role of ["parent", "agent", "admin"] as const) {
      contexts[role] = await signedInContext(browser, portal.baseUrl, DEMO_ACCOUNTS[role]);
    }
    // A staff member who signed out: the browser kept its (still signed) cookie, whose session
    // the database says has ended. The proxy lets it through; only the action's check refuses it.
    contexts.signedOut = await newContext(browser, portal.baseUrl);
    const page = await contexts.signedOut.newPage();
    await login(page, SIGNED_OUT_STAFF, DEMO_PASSWORD, { totpSecret: DEMO_TOTP_SECRET });
    await page.waitForURL("**/admin");
    const cookies = await contexts.signedOut.cookies();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/admin"));
    await page.close();
    await contexts.signedOut.addCookies(cookies);
  });
  afterAll(async () => {
    await database?.close();
    await close?.();
    await portal?.stop();
    await payfip?.close();
  });

  it("reads the portal's own database, on PostgreSQL and on the embedded PGlite alike", async () => {
    expect(await database.prisma.family.findUniqueOrThrow({ where: { id: ids.family.id }, select: { id: true } })).toEqual({
      id: ids.family.id,
    });
    expect(await fingerprint(database)).toMatchObject({
      families: expect.any(Number),
      users: expect.stringContaining(DEMO_ACCOUNTS.agent),
    });
  });

  it("has a line for every /admin page and every admin action of the build, and none for what the build lacks", () => {
    const pages = builtPages().filter((route) => route === "/admin" || route.startsWith("/admin/"));
    expect(pages.filter((route) => !PAGES[route])).toEqual([]);
    expect(Object.keys(PAGES).filter((route) => !pages.includes(route))).toEqual([]);
    expect(actions.filter((action) => !SPECS[action.name]).map((action) => `${action.file} ${action.name}`)).toEqual([]);
    expect(Object.keys(SPECS).filter((name) => !actions.some((action) => action.name === name))).toEqual([]);
    expect(actions.filter((action) => !ACTION_PAGES[action.file]).map((action) => action.file)).toEqual([]);
  });

  const pageUrls = () =>
    Object.entries(PAGES).flatMap(([route, entry]) =>
      entry.urls(ids).map((url) => ({ route, url, adminOnly: entry.adminOnly === true })),
    );

  it("sends a signed-out visitor to the login page and answers 404 to a parent, on every page and on the CSV export", async () => {
    for (const { url } of pageUrls()) {
      const visitor = await contexts.visitor.request.get(url, { maxRedirects: 0 });
      expect([url, visitor.status(), visitor.headers().location?.startsWith("/connexion")]).toEqual([url, 307, true]);
      expect([url, (await contexts.parent.request.get(url, { maxRedirects: 0 })).status()]).toEqual([url, 404]);
    }
    for (const csv of [
      `/api/admin/listes?vue=presence&date=${FIXTURE_DAY}`,
      "/api/admin/factures/export?mois=2026-11&type=factures",
      "/api/admin/factures/export?mois=2026-11&type=paiements",
    ]) {
      for (const who of ["visitor", "parent"] as const) {
        const response = await contexts[who].request.get(csv, { maxRedirects: 0 });
        expect([csv, who, response.status()]).toEqual([csv, who, 404]);
        expect(await response.text()).not.toContain("TEST");
      }
      expect([csv, (await contexts.agent.request.get(csv)).status()]).toEqual([csv, 200]);
    }
  });

  it("keeps the admin-only pages from an agent (a French 403), and opens every page to an admin", async () => {
    for (const { url, adminOnly } of pageUrls()) {
      const answer = await contexts.agent.request.get(url, { maxRedirects: 0 });
      expect([url, answer.status()]).toEqual([url, adminOnly ? 403 : 200]);
      if (adminOnly) expect([url, await answer.text()]).toEqual([url, expect.stringContaining("Réservé aux administrateurs")]);
      expect([url, (await contexts.admin.request.get(url, { maxRedirects: 0 })).status()]).toEqual([url, 200]);
    }
    // The town settings are an admin-only section of a staff page.
    expect(await (await contexts.admin.request.get("/admin/contenus")).text()).toContain("Paramètres de la commune");
    expect(await (await contexts.agent.request.get("/admin/contenus")).text()).not.toContain("Paramètres de la commune");
  });

  for (const [name, spec] of Object.entries(SPECS)) {
    const allowed: Who = spec.adminOnly ? "admin" : "agent";
    it(`${name}: refused to a visitor, a parent, an ended session${spec.adminOnly ? " and an agent" : ""}, with nothing changed; then accepted for ${allowed === "admin" ? "an admin" : "an agent"}`, async () => {
      const action = actions.find((entry) => entry.name === name);
      if (!action) throw new Error(`${name} is not in the build's server actions`);
      const page = ACTION_PAGES[action.file](ids);
      const argument = spec.argument(ids);
      const attempts: [Who, string, string][] = [
        ["visitor", page, "proxy: redirected to /connexion"],
        ["visitor", "/", "forwarded call refused by the proxy"],
        ["parent", page, "proxy: 404"],
        ["parent", "/espace", "forwarded call refused by the proxy"],
        ["signedOut", page, `refused: ${SESSION_EXPIRED}`],
        ["signedOut", "/", `refused: ${SESSION_EXPIRED}`],
        ...(spec.adminOnly
          ? ([
              ["agent", page, `refused: ${ADMIN_ONLY}`],
              ["agent", "/admin", `refused: ${ADMIN_ONLY}`],
            ] as [Who, string, string][])
          : []),
      ];

      const before = await fingerprint(database);
      const effectBefore = await spec.read(database.prisma, ids);
      for (const [who, pathname, expected] of attempts) {
        const response = await postAction(contexts[who], action.id, pathname, argument);
        expect({ action: name, who, pathname, outcome: await outcome(response) }).toEqual({
          action: name,
          who,
          pathname,
          outcome: expected,
        });
      }
      expect({ action: name, database: await fingerprint(database) }).toEqual({ action: name, database: before });
      // The positive control below must change something: its target is not already in the final state.
      expect({ action: name, before: effectBefore }).not.toEqual({ action: name, before: spec.after(ids, effectBefore) });

      // Control: the same payload is accepted for the allowed role, so the refusals above came from the role.
      const accepted = await outcome(await postAction(contexts[allowed], action.id, page, argument));
      expect({ action: name, who: allowed, outcome: accepted }).toEqual({
        action: name,
        who: allowed,
        outcome: spec.redirectsTo ? expect.stringContaining(`redirected to ${spec.redirectsTo}`) : "accepted",
      });
      expect({ action: name, after: await spec.read(database.prisma, ids) }).toEqual({
        action: name,
        after: spec.after(ids, effectBefore),
      });
    });
  }
});
