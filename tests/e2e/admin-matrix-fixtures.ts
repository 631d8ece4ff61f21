// The authorization matrix's own rows, written before the portal starts: each admin action gets
// a target of its own on which its payload succeeds (an establishment with no booking to close, a
// day whose capacity was set by hand, a free QF range, a SUBMITTED document…), so that one
// action's positive control never spoils another's payload.
import crypto from "node:crypto";

import { invoiceNumber, invoiceReference } from "@/lib/billing/invoice-number";
import type { Database } from "@/lib/db/connect";
import { DEMO_ACCOUNTS, DEMO_IDS } from "@/prisma/seed";

import { createReservation } from "../helpers/admin-fixtures";
import { prepareDemoReservations } from "./admin-e2e-fixtures";
import { DEFAULT_PORTAL_CLOCK } from "./portal";

const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

export type MatrixIds = {
  parentId: string;
  agentId: string;
  adminId: string;
  schoolId: string;
  /** The seeded after-school club of Cambon (its pages), its MATIN unit and a pending day of it. */
  periodId: string;
  establishmentId: string;
  activityId: string;
  unitId: string;
  pendingDayId: string;
  /** An accepted SOIR of the family MATRICE's child on the portal's today, not yet pointed. */
  attendanceDayId: string;
  /** The pending reservation's id and its other pending day (decided in bulk by the matrix). */
  pendingReservationId: string;
  bulkDayId: string;
  /** The accepted lunch's reservation and its day (cancelled for the family by the matrix). */
  lunch: { reservationId: string; dayId: string };
  news: { edit: string; unpublish: string };
  contacts: { edit: string; remove: string };
  serviceDocumentId: string;
  /** The family MATRICE: a parent never activated, an active one, a child. */
  family: { id: string; inviteeId: string; memberId: string; childId: string };
  /** A SUBMITTED document of the family MATRICE. */
  documentId: string;
  catalogue: {
    hostEstablishmentId: string;
    closingEstablishmentId: string;
    editActivityId: string;
    editPeriodId: string;
    unitsPeriodId: string;
    units: { edit: string; remove: string; capacity: string; reset: string; tariffs: string };
  };
  /** Every QF bracket once prepared (the tariffs form posts one price per bracket). */
  bracketIds: string[];
  brackets: { edit: string; remove: string };
  staff: { role: string; active: string; secondFactor: string };
  /** A mail given up after its 48 hours of attempts (« Renvoyer » on the page « Envois »). */
  failedMailId: string;
  /** « Facturation »: a régie of its own with one billable day of MATRICE in October 2026, and an invoice to cancel. */
  billing: { regieId: string; month: string; invoiceId: string };
  /** A PayFiP attempt still INITIATED that PayFiP (the stand-in) does not know: « Revérifier » expires it (P1). */
  payfipOperationId: string;
  /** Régies to edit and to delete (neither has invoices). */
  regies: { edit: string; remove: string };
  /** Document types and schools to edit and to delete (none in use). */
  settings: { documentTypeEdit: string; documentTypeRemove: string; schoolEdit: string; schoolRemove: string };
  /** An invoice of the family MATRICE, to pay (« Enregistrer un paiement »). */
  invoiceId: string;
  /** Petite enfance: a crèche of the matrix's own (5 places per group), a criterion, a SUBMITTED request per one-off decision, a commission sitting and its candidate. */
  earlyChildhood: {
    crecheId: string;
    criterionId: string;
    underReview: string;
    waitingList: string;
    offer: string;
    refuse: string;
    commissionRequest: string;
    sessionId: string;
  };
  /** Petite enfance billing (issue #15): a crèche contract of MATRICE's toddler, an adjustment to remove; a 2025 payment to certify. */
  earlyChildhoodBilling: { contractId: string; adjustmentId: string };
};

/** A staff account signed in and then out: its cookie names a revoked session (see the test). */
export const SIGNED_OUT_STAFF = "matrice.sortie@mairie.test";
export const RESET_DAY = "2027-03-08";

export async function prepareMatrix(database: Database): Promise<MatrixIds> {
  const prisma = database.prisma;
  await prepareDemoReservations(database);
  const user = (email: string) =>
    prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true, totpSecret: true } });
  const agent = await user(DEMO_ACCOUNTS.agent);
  const pending = await prisma.reservationDay.findFirstOrThrow({
    where: { status: "PENDING" },
    orderBy: { id: "asc" },
    select: { id: true, reservationId: true },
  });
  const bulk = await prisma.reservationDay.findFirstOrThrow({
    where: { status: "PENDING", reservationId: pending.reservationId, id: { not: pending.id } },
    select: { id: true },
  });
  const lunch = await prisma.reservationDay.findFirstOrThrow({
    // Julie's, on the fixture day: Julien's accepted lunches of last month (the demo's invoice) are past.
    where: {
      status: "ACCEPTED",
      childId: DEMO_IDS.julie,
      reservation: { period: { establishment: { name: "CANTINE ELEMENTAIRE CAMBON" } } },
    },
    select: { id: true, reservationId: true },
  });
  const period = await prisma.period.findFirstOrThrow({
    where: { establishment: { name: "GARDERIE ELEMENTAIRE CAMBON" } },
    select: { id: true, establishmentId: true, activityId: true },
  });
  const school = await prisma.school.findUniqueOrThrow({ where: { name: "Cambon" }, select: { id: true } });
  const unit = await prisma.unit.findFirstOrThrow({ where: { periodId: period.id, label: "MATIN" }, select: { id: true } });

  // Contents: two news, two contacts, a service document (its file is absent: deleting forgives that), a logo.
  const news = (title: string) =>
    prisma.news.create({
      data: { title, body: "Texte de la matrice", published: true, publishedAt: new Date("2026-09-01T08:00:00Z") },
      select: { id: true },
    });
  const contact = (label: string) =>
    prisma.usefulContact.create({ data: { label, phone: "05 65 00 00 01", sortOrder: 50 }, select: { id: true } });
  const serviceDocument = await prisma.serviceDocument.create({
    data: {
      activityId: period.activityId,
      kind: "PROGRAMME",
      title: "Matrice : programme à retirer",
      originalName: "programme.pdf",
      storageKey: `service-documents/${crypto.randomUUID()}`,
      mimeType: "application/pdf",
      size: 10,
    },
    select: { id: true },
  });
  await prisma.townSettings.update({ where: { id: 1 }, data: { logo: GIF, logoMimeType: "image/gif" } });

  // The family MATRICE.
  const family = await prisma.family.create({ data: { name: "MATRICE", city: "RODEZ" }, select: { id: true } });
  const invitee = await prisma.user.create({
    data: { email: "matrice.invite@exemple.fr", role: "PARENT", familyId: family.id },
    select: { id: true },
  });
  const member = await prisma.user.create({
    data: {
      email: "matrice.parent@exemple.fr",
      role: "PARENT",
      familyId: family.id,
      passwordHash: agent.passwordHash,
      activatedAt: new Date("2026-09-01T08:00:00Z"),
    },
    select: { id: true },
  });
  const child = await prisma.child.create({
    data: {
      familyId: family.id,
      lastName: "MATRICE",
      firstName: "LOU",
      sex: "F",
      birthDate: new Date("2018-05-05T00:00:00Z"),
      schoolId: school.id,
      schoolLevel: "CE2",
    },
    select: { id: true },
  });
  const attendance = await createReservation(prisma, {
    familyId: family.id,
    childId: child.id,
    periodId: period.id,
    lines: [
      {
        unitId: (await prisma.unit.findFirstOrThrow({ where: { periodId: period.id, label: "SOIR" }, select: { id: true } })).id,
        day: DEFAULT_PORTAL_CLOCK.slice(0, 10),
      },
    ],
    status: "ACCEPTED",
  });
  const documentType = await prisma.documentType.findUniqueOrThrow({ where: { code: "AVIS_IMPOSITION" }, select: { id: true } });
  const document = await prisma.document.create({
    data: {
      familyId: family.id,
      typeId: documentType.id,
      status: "SUBMITTED",
      name: "Avis d'imposition",
      originalName: "avis-imposition.pdf",
      storageKind: "LOCAL",
      storageKey: `documents/${crypto.randomUUID()}`,
      mimeType: "application/pdf",
      size: 10,
      sha256: crypto.createHash("sha256").update("matrice").digest("hex"),
      uploadedByUserId: member.id,
    },
    select: { id: true },
  });

  // Catalogue: an establishment hosting two periods of its own, one with no booking to close.
  const host = await prisma.establishment.create({ data: { name: "MATRICE ÉTABLISSEMENT" }, select: { id: true } });
  const closing = await prisma.establishment.create({ data: { name: "MATRICE À FERMER" }, select: { id: true } });
  const editActivity = await prisma.activity.create({
    data: { code: "MATRICE_A_MODIFIER", name: "Matrice : activité à modifier", sortOrder: 50 },
    select: { id: true },
  });
  const newPeriod = async (name: string) => {
    const rule = () =>
      prisma.deadlineRule.create({ data: { kind: "DAYS_BEFORE", daysBefore: 0, timeOfDay: 23 * 60 + 59 }, select: { id: true } });
    return prisma.period.create({
      data: {
        establishmentId: host.id,
        activityId: editActivity.id,
        name,
        startDate: new Date("2026-09-01T00:00:00Z"),
        endDate: new Date("2027-07-02T00:00:00Z"),
        openWeekdays: [1, 2, 3, 4, 5],
        bookingRuleId: (await rule()).id,
        changeRuleId: (await rule()).id,
      },
      select: { id: true },
    });
  };
  const editPeriod = await newPeriod("MATRICE PÉRIODE À MODIFIER");
  const unitsPeriod = await newPeriod("MATRICE PÉRIODE DES UNITÉS");
  const newUnit = (label: string, sortOrder: number) =>
    prisma.unit.create({
      data: { periodId: unitsPeriod.id, label, startTime: "09:00", endTime: "10:00", capacity: 10, sortOrder },
      select: { id: true },
    });
  const units = {
    edit: (await newUnit("MATRICE À MODIFIER", 1)).id,
    remove: (await newUnit("MATRICE À SUPPRIMER", 2)).id,
    capacity: (await newUnit("MATRICE CAPACITÉ", 3)).id,
    reset: (await newUnit("MATRICE CAPACITÉ À RÉTABLIR", 4)).id,
    tariffs: (await newUnit("MATRICE TARIFS", 5)).id,
  };
  await prisma.unitDay.create({
    data: { unitId: units.reset, date: new Date(`${RESET_DAY}T00:00:00Z`), capacity: 3, capacityOverridden: true },
  });

  // QF brackets: the open-ended last one is closed at 5 000, leaving 5 000-6 000 free to create,
  // and two brackets above to edit and to delete.
  await prisma.qfBracket.updateMany({ where: { maxQf: null }, data: { maxQf: 5000 } });
  const editBracket = await prisma.qfBracket.create({
    data: { label: "Matrice : tranche à modifier", minQf: 6000, maxQf: 7000 },
    select: { id: true },
  });
  const removeBracket = await prisma.qfBracket.create({
    data: { label: "Matrice : tranche à supprimer", minQf: 7000, maxQf: 8000 },
    select: { id: true },
  });
  const brackets = await prisma.qfBracket.findMany({ orderBy: { minQf: "asc" }, select: { id: true } });

  // Invoicing: a régie of its own billing an activity of its own, MATRICE (QF 500) booked on one
  // October day priced in the demo's brackets, and a standing invoice of that régie to cancel.
  const billingRegie = await prisma.regie.create({ data: { code: "MATR", name: "Matrice : régie" }, select: { id: true } });
  const billingActivity = await prisma.activity.create({
    data: { code: "MATRICE_FACTURATION", name: "Matrice : activité facturée", sortOrder: 51, regieId: billingRegie.id },
    select: { id: true },
  });
  const billingRule = await prisma.deadlineRule.create({
    data: { kind: "DAYS_BEFORE", daysBefore: 0, timeOfDay: 23 * 60 + 59 },
    select: { id: true },
  });
  const billingPeriod = await prisma.period.create({
    data: {
      establishmentId: host.id,
      activityId: billingActivity.id,
      name: "MATRICE PÉRIODE FACTURÉE",
      startDate: new Date("2026-10-01T00:00:00Z"),
      endDate: new Date("2026-10-31T00:00:00Z"),
      openWeekdays: [1, 2, 3, 4, 5],
      bookingRuleId: billingRule.id,
      changeRuleId: billingRule.id,
      units: { create: { label: "MATRICE JOURNÉE", startTime: "09:00", endTime: "17:00", capacity: 10 } },
    },
    select: { id: true, units: { select: { id: true } } },
  });
  const demoBrackets = await prisma.qfBracket.findMany({ where: { minQf: { lt: 6000 } }, select: { id: true } });
  await prisma.tariff.createMany({
    data: demoBrackets.map((bracket) => ({ unitId: billingPeriod.units[0].id, bracketId: bracket.id, priceCents: 1000 })),
  });
  await prisma.quotientHistory.create({
    data: { familyId: family.id, quotientFamilial: 500, validFrom: new Date("2026-09-01T00:00:00Z") },
  });
  await createReservation(prisma, {
    familyId: family.id,
    childId: child.id,
    periodId: billingPeriod.id,
    lines: [{ unitId: billingPeriod.units[0].id, day: "2026-10-05" }],
    status: "ACCEPTED",
  });
  const toCancel = await prisma.invoice.create({
    data: {
      number: "F-MATR-2026-000900",
      reference: "FMATR2026000900",
      regieId: billingRegie.id,
      year: 2026,
      sequence: 900,
      familyId: family.id,
      month: new Date("2026-09-01T00:00:00Z"),
      payableOnline: false,
      totalCents: 0,
      dueDate: new Date("2026-12-31T00:00:00Z"),
      billingName: "Famille MATRICE",
      billingAddress: "RODEZ",
    },
    select: { id: true },
  });

  // Staff members to promote, to deactivate, and whose second factor to reset; and the one signed out.
  const staff = (email: string, extra: object = {}) =>
    prisma.user.create({
      data: {
        email,
        role: "AGENT",
        firstName: "Matrice",
        lastName: "AGENT",
        passwordHash: agent.passwordHash,
        activatedAt: new Date(),
        ...extra,
      },
      select: { id: true },
    });
  const secondFactor = { totpSecret: agent.totpSecret, totpEnabledAt: new Date() };
  const role = await staff("matrice.role@mairie.test");
  const active = await staff("matrice.actif@mairie.test");
  const reset = await staff("matrice.totp@mairie.test", secondFactor);
  await prisma.recoveryCode.create({ data: { userId: reset.id, codeHash: "matrice" } });
  await staff(SIGNED_OUT_STAFF, secondFactor);
  const peri = await prisma.regie.findUniqueOrThrow({ where: { code: "PERI" }, select: { id: true } });
  const payfipInvoice = await prisma.invoice.create({
    data: {
      number: "F-PERI-2020-999999",
      reference: "FPERI2020999999",
      regieId: peri.id,
      year: 2020,
      sequence: 999999,
      familyId: family.id,
      month: new Date("2020-01-01T00:00:00Z"),
      payableOnline: true,
      totalCents: 1400,
      dueDate: new Date("2020-02-01T00:00:00Z"),
      billingName: "MATRICE",
      billingAddress: "RODEZ",
    },
    select: { id: true },
  });
  const payfipOperation = await prisma.payfipOperation.create({
    data: {
      idOp: "matrice0000000000000000000000000",
      invoiceId: payfipInvoice.id,
      amountCents: 1400,
      payerEmail: "matrice@exemple.fr",
      saisie: "T",
      refdet: "FPERI2020999999",
      exer: 2020,
    },
    select: { id: true },
  });
  const failedMail = await prisma.outboxMail.create({
    data: {
      to: "matrice.envoi@exemple.fr",
      subject: "Matrice : e-mail en échec",
      text: "Texte",
      html: "<p>Texte</p>",
      status: "FAILED",
      attempts: 20,
      lastError: "550 boîte inconnue",
    },
    select: { id: true },
  });

  // Invoicing: two régies of the matrix's own, an invoice of the family MATRICE in the demo's PERI.
  const regie = (code: string, name: string) =>
    prisma.regie.create({ data: { code, name, paymentDeadlineDays: 30 }, select: { id: true } });
  const number = invoiceNumber("INVOICE", "PERI", 2026, 900001);
  const invoice = await prisma.invoice.create({
    data: {
      number,
      reference: invoiceReference(number),
      regieId: peri.id,
      year: 2026,
      sequence: 900001,
      familyId: family.id,
      month: new Date("2026-10-01T00:00:00Z"),
      payableOnline: true,
      totalCents: 2000,
      dueDate: new Date("2026-12-31T00:00:00Z"),
      billingName: "Famille MATRICE",
      billingAddress: "RODEZ",
    },
    select: { id: true },
  });

  // Petite enfance: requests of the family MATRICE for an unborn child, each in the matrix's crèche.
  const creche = await prisma.creche.create({
    data: {
      name: "MATRICE : CRÈCHE",
      code: "MATRICE",
      capacities: { create: (["BEBES", "MOYENS", "GRANDS"] as const).map((ageGroup) => ({ ageGroup, places: 5 })) },
    },
    select: { id: true },
  });
  const earlyChildhoodRequest = async () =>
    (
      await prisma.earlyChildhoodRequest.create({
        data: {
          familyId: family.id,
          expectedBirthDate: new Date("2027-03-01T00:00:00Z"),
          wishedStartDate: new Date("2027-09-01T00:00:00Z"),
          wishedSchedule: [{ weekday: 1, from: "08:30", to: "17:30" }],
          status: "SUBMITTED",
          submittedAt: new Date("2026-11-02T09:00:00Z"),
          choices: { create: { crecheId: creche.id, rank: 1 } },
        },
        select: { id: true },
      })
    ).id;
  const criterion = await prisma.admissionCriterion.findUniqueOrThrow({ where: { code: "SINGLE_PARENT" }, select: { id: true } });
  const session = await prisma.commissionSession.create({
    data: { sessionDate: new Date("2026-12-01T00:00:00Z"), placesDate: new Date("2027-09-01T00:00:00Z") },
    select: { id: true },
  });
  const earlyChildhood = {
    crecheId: creche.id,
    criterionId: criterion.id,
    underReview: await earlyChildhoodRequest(),
    waitingList: await earlyChildhoodRequest(),
    offer: await earlyChildhoodRequest(),
    refuse: await earlyChildhoodRequest(),
    commissionRequest: await earlyChildhoodRequest(),
    sessionId: session.id,
  };

  return {
    earlyChildhood,
    parentId: (await user(DEMO_ACCOUNTS.parent)).id,
    agentId: agent.id,
    adminId: (await user(DEMO_ACCOUNTS.admin)).id,
    schoolId: school.id,
    periodId: period.id,
    establishmentId: period.establishmentId,
    activityId: period.activityId,
    unitId: unit.id,
    pendingDayId: pending.id,
    attendanceDayId: attendance.days[0].id,
    pendingReservationId: pending.reservationId,
    bulkDayId: bulk.id,
    lunch: { reservationId: lunch.reservationId, dayId: lunch.id },
    news: {
      edit: (await news("Matrice : actualité à modifier")).id,
      unpublish: (await news("Matrice : actualité à dépublier")).id,
    },
    contacts: {
      edit: (await contact("Matrice : contact à modifier")).id,
      remove: (await contact("Matrice : contact à supprimer")).id,
    },
    serviceDocumentId: serviceDocument.id,
    family: { id: family.id, inviteeId: invitee.id, memberId: member.id, childId: child.id },
    documentId: document.id,
    catalogue: {
      hostEstablishmentId: host.id,
      closingEstablishmentId: closing.id,
      editActivityId: editActivity.id,
      editPeriodId: editPeriod.id,
      unitsPeriodId: unitsPeriod.id,
      units,
    },
    bracketIds: brackets.map((bracket) => bracket.id),
    brackets: { edit: editBracket.id, remove: removeBracket.id },
    staff: { role: role.id, active: active.id, secondFactor: reset.id },
    failedMailId: failedMail.id,
    billing: { regieId: billingRegie.id, month: "2026-10", invoiceId: toCancel.id },
    payfipOperationId: payfipOperation.id,
    regies: {
      edit: (await regie("MATRICEED", "Matrice : régie à modifier")).id,
      remove: (await regie("MATRICESU", "Matrice : régie à supprimer")).id,
    },
    invoiceId: invoice.id,
    settings: await prepareSettings(prisma),
    earlyChildhoodBilling: await prepareEarlyChildhoodBilling(prisma, family.id, billingRegie.id),
  };
}

/**
 * Issue #15 (pe-billing): MATRICE's toddler (born 2024) with a crèche contract and an extra-hours
 * day to remove, and a garderie invoice of 2025 paid in 2025 on an eligible line, so that
 * « Générer les attestations » 2025 issues one certificate.
 */
async function prepareEarlyChildhoodBilling(
  prisma: Database["prisma"],
  familyId: string,
  regieId: string,
): Promise<MatrixIds["earlyChildhoodBilling"]> {
  const toddler = await prisma.child.create({
    data: { familyId, firstName: "BAMBIN", lastName: "MATRICE", birthDate: new Date("2024-05-01T00:00:00Z") },
    select: { id: true },
  });
  const creche = await prisma.creche.create({ data: { code: "MATRICE_CRECHE", name: "Matrice : crèche" }, select: { id: true } });
  const contract = await prisma.childcareContract.create({
    data: {
      familyId,
      childId: toddler.id,
      crecheId: creche.id,
      startDate: new Date("2026-09-01T00:00:00Z"),
      endDate: new Date("2027-08-31T00:00:00Z"),
      weeklyPlanning: [1, 2, 3, 4].map((weekday) => ({ weekday, from: "08:30", to: "17:30" })),
      absenceWeeksPerYear: 5,
      adjustments: { create: { date: new Date("2027-01-07T00:00:00Z"), kind: "EXTRA_HOURS", minutes: 30 } },
    },
    select: { id: true, adjustments: { select: { id: true } } },
  });
  await prisma.invoice.create({
    data: {
      number: "F-MATR-2025-000001",
      reference: "FMATR2025000001",
      regieId,
      year: 2025,
      sequence: 1,
      familyId,
      month: new Date("2025-05-01T00:00:00Z"),
      payableOnline: false,
      status: "PAID",
      totalCents: 1000,
      paidCents: 1000,
      issuedAt: new Date("2025-06-02T08:00:00Z"),
      dueDate: new Date("2025-07-02T00:00:00Z"),
      billingName: "Famille MATRICE",
      billingAddress: "RODEZ",
      lines: {
        create: {
          childId: toddler.id,
          childName: "MATRICE BAMBIN",
          serviceLabel: "Matrice : garderie",
          unitLabel: "MATIN",
          taxEligible: true,
          quantity: 1,
          unitPriceCents: 1000,
          amountCents: 1000,
        },
      },
      payments: { create: { method: "ESPECES", amountCents: 1000, receivedAt: new Date("2025-06-10T09:00:00Z") } },
    },
  });
  return { contractId: contract.id, adjustmentId: contract.adjustments[0].id };
}

/** Issue #17: two document types and two schools of the matrix's own. */
async function prepareSettings(prisma: Database["prisma"]): Promise<MatrixIds["settings"]> {
  const type = (code: string, label: string) =>
    prisma.documentType.create({ data: { code, label, scope: "FAMILY" }, select: { id: true } });
  const school = (name: string) =>
    prisma.school.create({ data: { name, kind: "ELEMENTAIRE", levels: ["CP", "CE1"] }, select: { id: true } });
  return {
    documentTypeEdit: (await type("MATRICE_A_MODIFIER", "Matrice : type à modifier")).id,
    documentTypeRemove: (await type("MATRICE_A_SUPPRIMER", "Matrice : type à supprimer")).id,
    schoolEdit: (await school("Matrice : école à modifier")).id,
    schoolRemove: (await school("Matrice : école à supprimer")).id,
  };
}
