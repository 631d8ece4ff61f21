// The family side of a crèche request (issue #15 points 1, 2 and 4, SPEC §7), on both databases:
// a draft saved then sent (one acknowledgment mail), a sent request no longer editable, another
// family's request invisible and every action on it refused, the « Enfant à naître » dates, a
// place accepted (the contract in the same transaction, the waiting lists kept continuous),
// declined or cancelled, the dashboard block's tabs, and the daily confirmation job (ask after 3
// months, close 30 days after an unanswered ask, each mail once).
import type { ParentViewer } from "@/lib/auth/session";
import { dayToDate } from "@/lib/dates/calendar-day";
import type { PrismaClient } from "@/lib/db/generated/client";
import { resolveUploadTarget } from "@/lib/documents/family-documents";
import { acceptOffer, declineOffer } from "@/lib/early-childhood/accept-offer";
import { runWaitingConfirmations } from "@/lib/early-childhood/confirmation-job";
import { loadEarlyChildhoodBlock } from "@/lib/early-childhood/family-dashboard-block";
import { loadRequestDocuments } from "@/lib/early-childhood/family-request-documents";
import { UNBORN, ZFamilyRequestSchema, type TFamilyRequestInput } from "@/lib/early-childhood/family-request.schema";
import {
  attachBornChild,
  cancelFamilyRequest,
  confirmFamilyRequest,
  getFamilyRequest,
  listFamilyRequests,
  REQUEST_ALREADY_SENT,
  REQUEST_NOT_FOUND,
  REQUEST_STALE,
  saveFamilyRequest,
  submitFamilyRequest,
} from "@/lib/early-childhood/family-requests";
import { appendToWaitingLists } from "@/lib/early-childhood/waiting-list";
import { AppError } from "@/lib/errors";

import { testDatabaseKinds, type TestDatabase } from "../helpers/test-db";
import { OTHER, withTwoFamilies } from "./family-fixtures";

// The tests' clock reads Thursday 26 November 2026, 11:00 in Paris.
const NOW = new Date("2026-11-26T10:00:00Z");
const TODAY = "2026-11-26";
const KIND = "early-childhood-request";

/** The form's fields as the browser posts them: lun–jeu 8:30–17:30. */
function form(overrides: Partial<Record<string, string>> = {}): TFamilyRequestInput {
  const days: Record<string, string> = {};
  for (const weekday of [1, 2, 3, 4]) {
    days[`day${weekday}`] = "on";
    days[`from${weekday}`] = "08:30";
    days[`to${weekday}`] = "17:30";
  }
  return {
    child: UNBORN,
    expectedBirthDate: "2027-03-10",
    unbornFirstName: "Lina",
    wishedStartDate: "2027-09-01",
    creche1: "",
    creche2: "",
    creche3: "",
    comments: "",
    intent: "draft",
    ...days,
    ...overrides,
  } as TFamilyRequestInput;
}

const parse = (input: TFamilyRequestInput) => ZFamilyRequestSchema.parse(input);

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(testDatabaseKinds())("a family's crèche requests on %s", (kind) => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let demo: ParentViewer;
  let other: ParentViewer;
  const creches = { pitchouns: "", lutins: "", closed: "" };

  withTwoFamilies(kind, async (suite) => {
    ({ database, demo, other } = suite);
    prisma = database.prisma;
    const make = (code: string, name: string, active = true, closesAt = "18:30") =>
      prisma.creche.create({ data: { code, name, active, closesAt }, select: { id: true } });
    creches.pitchouns = (await make("TEST-PIT", "MULTI-ACCUEIL TEST PITCHOUNS")).id;
    creches.lutins = (await make("TEST-LUT", "MULTI-ACCUEIL TEST LUTINS", true, "17:00")).id;
    creches.closed = (await make("TEST-OLD", "CRECHE TEST FERMEE", false)).id;
  });

  const mailsTo = (email: string) => prisma.outboxMail.count({ where: { kind: KIND, to: email } });

  /** A request of `viewer` sent now (one mail), as the form sends it. */
  async function sent(viewer: ParentViewer, overrides: Partial<Record<string, string>> = {}) {
    return saveFamilyRequest(
      database.prisma,
      viewer,
      parse(form({ creche1: creches.pitchouns, intent: "send", ...overrides })),
      NOW,
    );
  }

  /** Puts sent requests on the waiting list, in this order (as a commission would). */
  async function onWaitingList(ids: string[]) {
    for (const id of ids) {
      await prisma.$transaction(async (tx) => {
        await tx.earlyChildhoodRequest.update({ where: { id }, data: { status: "WAITING_LIST", version: { increment: 1 } } });
        await appendToWaitingLists(tx, id);
      });
    }
  }

  const version = async (id: string) =>
    (await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

  const positions = async (crecheId: string) =>
    (
      await prisma.earlyChildhoodChoice.findMany({
        where: { crecheId, waitingPosition: { not: null } },
        orderBy: { waitingPosition: "asc" },
        select: { requestId: true, waitingPosition: true },
      })
    ).map((choice) => [choice.requestId, choice.waitingPosition]);

  it("saves a draft without a mail, edits it at its version, then sends it with one acknowledgment", async () => {
    const before = await mailsTo(OTHER.email);
    const draft = await saveFamilyRequest(prisma, other, parse(form({ creche1: creches.pitchouns })), NOW);
    expect(draft.status).toBe("DRAFT");
    expect(await mailsTo(OTHER.email)).toBe(before);

    const edited = parse(
      form({
        id: draft.id,
        version: "1",
        creche1: creches.lutins,
        creche2: creches.pitchouns,
        to1: "17:00",
        to2: "17:00",
        to3: "17:00",
        to4: "16:30",
        comments: "Jumeaux",
      }),
    );
    await saveFamilyRequest(prisma, other, edited, NOW);
    // The same form posted again (version 1) is stale now.
    expect(await refusal(saveFamilyRequest(prisma, other, edited, NOW))).toBe(REQUEST_STALE);

    const view = await getFamilyRequest(prisma, other, draft.id, TODAY);
    expect(view).toMatchObject({
      status: "DRAFT",
      statusLabel: "Brouillon",
      childLabel: "Enfant à naître (Lina)",
      expectedBirthOn: "10/03/2027",
      wishedPlanning: "Lun–Mer 8h30–17h00 ; Jeu 8h30–16h30",
      comments: "Jumeaux",
    });
    expect(view!.choices.map((choice) => choice.creche)).toEqual(["MULTI-ACCUEIL TEST LUTINS", "MULTI-ACCUEIL TEST PITCHOUNS"]);

    await submitFamilyRequest(prisma, other, { id: draft.id, version: 2 }, NOW);
    const row = await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ status: "SUBMITTED", submittedAt: NOW, version: 3 });
    expect(await mailsTo(OTHER.email)).toBe(before + 1);
    const mail = await prisma.outboxMail.findFirstOrThrow({
      where: { kind: KIND, to: OTHER.email },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.subject).toBe("Demande d'inscription en crèche reçue – Enfant à naître (Lina)");
    expect(mail.text).toContain("MULTI-ACCUEIL TEST LUTINS, MULTI-ACCUEIL TEST PITCHOUNS");
    // No decision is recorded for the family's own sending.
    expect(await prisma.earlyChildhoodDecision.count({ where: { requestId: draft.id } })).toBe(0);
  });

  it("refuses to edit or send again a request once sent, and changes nothing", async () => {
    const request = await sent(other);
    const current = await version(request.id);
    const edit = parse(form({ id: request.id, version: String(current), creche1: creches.lutins, intent: "send" }));
    expect(await refusal(saveFamilyRequest(prisma, other, edit, NOW))).toBe(REQUEST_ALREADY_SENT);
    expect(await refusal(submitFamilyRequest(prisma, other, { id: request.id, version: current }, NOW))).toBe(
      REQUEST_ALREADY_SENT,
    );
    const choices = await prisma.earlyChildhoodChoice.findMany({ where: { requestId: request.id }, select: { crecheId: true } });
    expect(choices).toEqual([{ crecheId: creches.pitchouns }]);
    expect(await version(request.id)).toBe(current);
  });

  it("refuses a crèche that is closed, twice the same crèche, and hours outside the crèche's opening", async () => {
    expect(await refusal(saveFamilyRequest(prisma, other, parse(form({ creche1: creches.closed })), NOW))).toBe(
      "Crèche introuvable : rechargez la page.",
    );
    const twice = ZFamilyRequestSchema.safeParse(form({ creche1: creches.pitchouns, creche2: creches.pitchouns }));
    expect(twice.success).toBe(false);
    expect(twice.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual([
      "creche2",
      "Cette crèche est déjà choisie.",
    ]);
    expect(await refusal(saveFamilyRequest(prisma, other, parse(form({ creche1: creches.lutins })), NOW))).toBe(
      "Les horaires demandés sortent des heures d'ouverture de MULTI-ACCUEIL TEST LUTINS (7h30–17h00).",
    );
  });

  it("accepts an unborn child from the 4th month of pregnancy only, and a start after the birth", async () => {
    const count = await prisma.earlyChildhoodRequest.count({ where: { familyId: other.familyId } });
    const attempt = (overrides: Partial<Record<string, string>>) =>
      saveFamilyRequest(prisma, other, parse(form({ creche1: creches.pitchouns, ...overrides })), NOW);
    expect(await refusal(attempt({ expectedBirthDate: "2027-05-27" }))).toMatch(/à partir du 4e mois de grossesse/);
    expect(await refusal(attempt({ expectedBirthDate: "2026-11-25" }))).toMatch(/date de naissance prévue est passée/);
    expect(await refusal(attempt({ expectedBirthDate: "2027-03-10", wishedStartDate: "2027-03-01" }))).toBe(
      "La date d'entrée souhaitée doit suivre la naissance prévue.",
    );
    expect(ZFamilyRequestSchema.safeParse(form({ creche1: creches.pitchouns, expectedBirthDate: "" })).success).toBe(false);
    expect(await prisma.earlyChildhoodRequest.count({ where: { familyId: other.familyId } })).toBe(count);
    // Six months ahead to the day is the limit.
    await expect(attempt({ expectedBirthDate: "2027-05-26", wishedStartDate: "2027-09-01" })).resolves.toMatchObject({
      status: "DRAFT",
    });
  });

  it("never shows another family's request, and refuses every action on it", async () => {
    const request = await sent(other);
    await onWaitingList([request.id]);
    const step = { id: request.id, version: await version(request.id) };
    const before = await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: request.id } });

    expect(await getFamilyRequest(prisma, demo, request.id, TODAY)).toBeNull();
    expect((await listFamilyRequests(prisma, demo)).map((item) => item.id)).not.toContain(request.id);
    const block = await loadEarlyChildhoodBlock(prisma, demo, "inscriptions", 1, 25);
    expect(block.rows.map((row) => row.requestId)).not.toContain(request.id);

    const edit = parse(form({ id: request.id, version: String(step.version), creche1: creches.pitchouns }));
    for (const attempt of [
      saveFamilyRequest(prisma, demo, edit, NOW),
      submitFamilyRequest(prisma, demo, step, NOW),
      cancelFamilyRequest(prisma, demo, step, NOW),
      confirmFamilyRequest(prisma, demo, step, NOW),
      acceptOffer(prisma, demo, step, NOW),
      declineOffer(prisma, demo, step, NOW),
      attachBornChild(prisma, demo, { ...step, childId: OTHER.child }),
    ]) {
      expect(await refusal(attempt)).toBe(REQUEST_NOT_FOUND);
    }
    await expect(
      resolveUploadTarget(prisma, demo, {
        concerns: "famille",
        typeId: crypto.randomUUID(),
        earlyChildhoodRequestId: request.id,
      }),
    ).rejects.toThrow(REQUEST_NOT_FOUND);
    expect(await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: request.id } })).toEqual(before);
  });

  it("accepting a place creates the contract in the same transaction and moves the others up", async () => {
    const born = await prisma.child.create({
      data: { familyId: other.familyId, lastName: "AUTRE", firstName: "MIA", birthDate: dayToDate("2026-09-01") },
      select: { id: true },
    });
    const [first, second, third] = [
      await sent(other, {
        child: born.id,
        expectedBirthDate: "",
        creche2: creches.lutins,
        to1: "16:30",
        to2: "16:30",
        to3: "16:30",
        to4: "16:30",
      }),
      await sent(other, { creche1: creches.lutins, to1: "16:00", to2: "16:00", to3: "16:00", to4: "16:00" }),
      await sent(other, { creche1: creches.lutins, to1: "16:00", to2: "16:00", to3: "16:00", to4: "16:00" }),
    ];
    const lutinsBefore = (await positions(creches.lutins)).length;
    await onWaitingList([first.id, second.id, third.id]);
    const lutinsFirst = lutinsBefore + 1;
    await prisma.earlyChildhoodRequest.update({
      where: { id: first.id },
      data: {
        status: "PLACE_OFFERED",
        offeredCrecheId: creches.lutins,
        offeredStartDate: dayToDate("2027-01-04"),
        offeredEndDate: dayToDate("2027-08-31"),
        offeredPlanning: [
          { weekday: 1, from: "08:30", to: "16:30" },
          { weekday: 2, from: "08:30", to: "16:30" },
        ],
        offeredAbsenceWeeks: 5,
        offerAnswerBy: dayToDate("2026-12-10"),
        version: { increment: 1 },
      },
    });
    const step = { id: first.id, version: await version(first.id) };
    const view = await getFamilyRequest(prisma, other, first.id, TODAY);
    expect(view!.offer).toMatchObject({
      creche: "MULTI-ACCUEIL TEST LUTINS",
      startOn: "04/01/2027",
      planning: "Lun–Mar 8h30–16h30",
      answerBy: "10/12/2026",
      open: true,
    });
    // A stale page changes nothing.
    expect(await refusal(acceptOffer(prisma, other, { ...step, version: step.version - 1 }, NOW))).toBe(REQUEST_STALE);

    const { contractId } = await acceptOffer(prisma, other, step, NOW);
    const contract = await prisma.childcareContract.findUniqueOrThrow({ where: { id: contractId } });
    expect(contract).toMatchObject({
      requestId: first.id,
      familyId: other.familyId,
      childId: born.id,
      crecheId: creches.lutins,
      startDate: dayToDate("2027-01-04"),
      endDate: dayToDate("2027-08-31"),
      absenceWeeksPerYear: 5,
      status: "ACTIVE",
    });
    expect(contract.weeklyPlanning).toEqual([
      { weekday: 1, from: "08:30", to: "16:30" },
      { weekday: 2, from: "08:30", to: "16:30" },
    ]);
    expect(await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "ACCEPTED",
      decidedAt: NOW,
    });
    expect(await prisma.earlyChildhoodDecision.findMany({ where: { requestId: first.id }, select: { kind: true } })).toEqual([
      { kind: "ACCEPTED_BY_FAMILY" },
    ]);
    // Off both lists; the two behind it moved up, positions still 1..n.
    expect(await positions(creches.lutins)).toEqual((await positions(creches.lutins)).map(([id], index) => [id, index + 1]));
    const lutins = await positions(creches.lutins);
    expect(lutins.map(([id]) => id)).not.toContain(first.id);
    expect(lutins.slice(lutinsFirst - 1)).toEqual([
      [second.id, lutinsFirst],
      [third.id, lutinsFirst + 1],
    ]);
    expect((await positions(creches.pitchouns)).map(([id]) => id)).not.toContain(first.id);
    // Accepting twice is refused and makes no second contract.
    expect(await refusal(acceptOffer(prisma, other, { id: first.id, version: step.version + 1 }, NOW))).toMatch(
      /n'est plus possible : la demande est « Acceptée »/,
    );
    expect(await prisma.childcareContract.count({ where: { requestId: first.id } })).toBe(1);

    const block = await loadEarlyChildhoodBlock(prisma, other, "inscriptions", 1, 25);
    expect(block.rows.find((row) => row.requestId === first.id)).toMatchObject({
      child: "AUTRE MIA",
      inscription: ["MULTI-ACCUEIL TEST LUTINS — Acceptée"],
      planning: "Lun–Mar 8h30–16h30",
    });
    expect(block.rows.find((row) => row.requestId === second.id)!.inscription).toEqual([
      `MULTI-ACCUEIL TEST LUTINS — Liste d'attente (${lutinsFirst === 1 ? "1re" : `${lutinsFirst}e`})`,
    ]);
  });

  it("an unborn child's request needs the born child attached before its place is accepted", async () => {
    const request = await sent(other, { expectedBirthDate: "2026-12-20", wishedStartDate: "2027-03-01" });
    await prisma.earlyChildhoodRequest.update({
      where: { id: request.id },
      data: {
        status: "PLACE_OFFERED",
        offeredCrecheId: creches.pitchouns,
        offeredStartDate: dayToDate("2027-03-01"),
        offeredEndDate: dayToDate("2027-08-31"),
        offeredPlanning: [{ weekday: 1, from: "08:30", to: "17:30" }],
        offerAnswerBy: dayToDate("2026-12-10"),
        version: { increment: 1 },
      },
    });
    const current = await version(request.id);
    expect(await refusal(acceptOffer(prisma, other, { id: request.id, version: current }, NOW))).toMatch(/Rattachez d'abord/);
    expect(await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "PLACE_OFFERED",
      version: current,
    });
    const far = await prisma.child.create({
      data: { familyId: other.familyId, lastName: "AUTRE", firstName: "NOE", birthDate: dayToDate("2026-06-01") },
    });
    const near = await prisma.child.create({
      data: { familyId: other.familyId, lastName: "AUTRE", firstName: "LINA", birthDate: dayToDate("2026-12-18") },
    });
    const view = await getFamilyRequest(prisma, other, request.id, TODAY);
    expect(view!.birthCandidates).toEqual([{ id: near.id, name: "AUTRE LINA" }]);
    expect(await refusal(attachBornChild(prisma, other, { id: request.id, version: current, childId: far.id }))).toMatch(
      /trop éloignée/,
    );
    await attachBornChild(prisma, other, { id: request.id, version: current, childId: near.id });
    const { contractId } = await acceptOffer(prisma, other, { id: request.id, version: current + 1 }, NOW);
    expect((await prisma.childcareContract.findUniqueOrThrow({ where: { id: contractId } })).childId).toBe(near.id);
  });

  it("declining closes the request; cancelling takes it off the lists; both are history on the dashboard", async () => {
    const declined = await sent(other);
    const cancelled = await sent(other);
    const behind = await sent(other);
    await onWaitingList([declined.id, cancelled.id, behind.id]);
    await prisma.earlyChildhoodRequest.update({
      where: { id: declined.id },
      data: {
        status: "PLACE_OFFERED",
        offeredCrecheId: creches.pitchouns,
        offeredStartDate: dayToDate("2027-09-01"),
        offeredEndDate: dayToDate("2028-07-31"),
        offeredPlanning: [{ weekday: 1, from: "08:30", to: "17:30" }],
        offerAnswerBy: dayToDate("2026-11-25"),
        version: { increment: 1 },
      },
    });
    // The answer date has passed: refused.
    expect(await refusal(declineOffer(prisma, other, { id: declined.id, version: await version(declined.id) }, NOW))).toMatch(
      /délai pour répondre/,
    );
    await prisma.earlyChildhoodRequest.update({ where: { id: declined.id }, data: { offerAnswerBy: dayToDate("2026-12-01") } });
    await declineOffer(prisma, other, { id: declined.id, version: await version(declined.id) }, NOW);
    expect(await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: declined.id } })).toMatchObject({
      status: "CLOSED",
    });
    expect(await prisma.earlyChildhoodDecision.findMany({ where: { requestId: declined.id }, select: { kind: true } })).toEqual([
      { kind: "DECLINED_BY_FAMILY" },
    ]);

    await cancelFamilyRequest(prisma, other, { id: cancelled.id, version: await version(cancelled.id) }, NOW);
    expect(await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: cancelled.id } })).toMatchObject({
      status: "CANCELLED",
    });
    const list = await positions(creches.pitchouns);
    expect(list.map(([, position]) => position)).toEqual(list.map((_, index) => index + 1));
    expect(list.map(([id]) => id)).not.toContain(cancelled.id);
    expect(list.map(([id]) => id)).not.toContain(declined.id);
    expect(list.map(([id]) => id)).toContain(behind.id);
    // Cancelling twice is refused.
    expect(
      await refusal(cancelFamilyRequest(prisma, other, { id: cancelled.id, version: await version(cancelled.id) }, NOW)),
    ).toMatch(/« Annulée »/);

    const history = await loadEarlyChildhoodBlock(prisma, other, "historique", 1, 25);
    const historyIds = history.rows.map((row) => row.requestId);
    expect(historyIds).toEqual(expect.arrayContaining([declined.id, cancelled.id]));
    expect(historyIds).not.toContain(behind.id);
    expect(history.rows.find((row) => row.requestId === cancelled.id)!.inscription).toEqual([
      "MULTI-ACCUEIL TEST PITCHOUNS — Annulée",
    ]);
    const current = await loadEarlyChildhoodBlock(prisma, other, "inscriptions", 1, 5);
    expect(current.rows.map((row) => row.requestId)).not.toContain(cancelled.id);
    expect(current.rows.length).toBe(Math.min(5, current.total));
    expect(current.pages).toBe(Math.ceil(current.total / 5));
  });

  it("lists the documents to join, linked to the request, the CAF number standing for the tax notice", async () => {
    const request = await sent(other);
    const documents = await loadRequestDocuments(prisma, other, { id: request.id, unborn: true });
    expect(documents.required.map((document) => [document.label, document.missing])).toEqual([
      ["Certificat de grossesse", true],
      ["Justificatif de domicile", true],
      ["Dernier avis d'imposition ou n° CAF", true],
    ]);
    const types = await prisma.documentType.findMany({
      where: { code: { in: ["CERTIFICAT_GROSSESSE", "JUSTIFICATIF_DOMICILE"] } },
      select: { id: true, code: true },
    });
    const target = await resolveUploadTarget(prisma, other, {
      concerns: "famille",
      typeId: types.find((type) => type.code === "CERTIFICAT_GROSSESSE")!.id,
      earlyChildhoodRequestId: request.id,
    });
    expect(target.earlyChildhoodRequestId).toBe(request.id);
    await prisma.document.create({
      data: {
        familyId: other.familyId,
        typeId: target.typeId,
        earlyChildhoodRequestId: request.id,
        name: "certificat",
        originalName: "certificat.pdf",
        storageKind: "LOCAL",
        storageKey: `documents/${crypto.randomUUID()}`,
        mimeType: "application/pdf",
        size: 10,
        sha256: "0".repeat(64),
      },
    });
    await prisma.family.update({ where: { id: other.familyId }, data: { benefitScheme: "CAF", allowanceNumber: "1234567" } });
    const after = await loadRequestDocuments(prisma, other, { id: request.id, unborn: true });
    expect(after.required.map((document) => [document.missing, document.sent?.status ?? document.coveredBy])).toEqual([
      [false, "SUBMITTED"],
      [true, null],
      [false, "N° allocataire CAF 1234567 (fiche famille)"],
    ]);
    await prisma.family.update({ where: { id: other.familyId }, data: { benefitScheme: "MSA", allowanceNumber: null } });
  });

  it("asks a waiting request to confirm after 3 months, once, and closes it 30 days after an unanswered ask", async () => {
    const confirmed = await sent(other);
    const silent = await sent(other);
    const behind = await sent(other);
    await onWaitingList([confirmed.id, silent.id, behind.id]);
    for (const id of [confirmed.id, silent.id, behind.id]) {
      await prisma.earlyChildhoodRequest.update({ where: { id }, data: { submittedAt: new Date("2026-08-01T08:00:00Z") } });
    }
    await prisma.earlyChildhoodDecision.createMany({
      data: [confirmed.id, silent.id].map((requestId) => ({
        requestId,
        kind: "WAITING_LIST" as const,
        decidedAt: new Date("2026-08-20T14:00:00Z"),
      })),
    });
    // `behind` joined the list later: its 3 months run from then.
    await prisma.earlyChildhoodDecision.create({
      data: { requestId: behind.id, kind: "WAITING_LIST", decidedAt: new Date("2026-10-15T14:00:00Z") },
    });
    const asked = (id: string) =>
      prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id }, select: { confirmationRequestedAt: true, status: true } });
    const mails = () => mailsTo(OTHER.email);
    const start = await mails();

    await runWaitingConfirmations(prisma, new Date("2026-11-19T05:00:00Z"));
    expect((await asked(silent.id)).confirmationRequestedAt).toBeNull();
    expect(await mails()).toBe(start);

    const askedAt = new Date("2026-11-20T05:00:00Z");
    await runWaitingConfirmations(prisma, askedAt);
    expect((await asked(confirmed.id)).confirmationRequestedAt).toEqual(askedAt);
    expect((await asked(silent.id)).confirmationRequestedAt).toEqual(askedAt);
    expect((await asked(behind.id)).confirmationRequestedAt).toBeNull();
    expect(await mails()).toBe(start + 2);
    const ask = await prisma.outboxMail.findFirstOrThrow({
      where: { kind: KIND, to: OTHER.email, subject: { startsWith: "Confirmez" } },
    });
    expect(ask.text).toContain("avant le 19/12/2026");
    // The same day again: nothing more.
    await runWaitingConfirmations(prisma, new Date("2026-11-20T06:00:00Z"));
    expect(await mails()).toBe(start + 2);

    const view = await getFamilyRequest(prisma, other, confirmed.id, TODAY);
    expect(view!.confirmationDeadline).toBe("19/12/2026");
    const block = await loadEarlyChildhoodBlock(prisma, other, "historique", 1, 5);
    expect(block.awaitingConfirmation).toEqual(
      expect.arrayContaining([
        { id: confirmed.id, deadline: "19/12/2026" },
        { id: silent.id, deadline: "19/12/2026" },
      ]),
    );
    await confirmFamilyRequest(prisma, other, { id: confirmed.id, version: await version(confirmed.id) }, NOW);
    expect(await prisma.earlyChildhoodRequest.findUniqueOrThrow({ where: { id: confirmed.id } })).toMatchObject({
      lastConfirmedAt: NOW,
      confirmationRequestedAt: null,
      status: "WAITING_LIST",
    });
    // Confirming again, unasked, is refused.
    expect(
      await refusal(confirmFamilyRequest(prisma, other, { id: confirmed.id, version: await version(confirmed.id) }, NOW)),
    ).toBe("Aucune confirmation n'est demandée pour cette demande.");

    await runWaitingConfirmations(prisma, new Date("2026-12-19T05:00:00Z"));
    expect((await asked(silent.id)).status).toBe("WAITING_LIST");
    const mailsBeforeClose = await mails();
    await runWaitingConfirmations(prisma, new Date("2026-12-20T05:00:00Z"));
    expect(await asked(silent.id)).toEqual({ status: "CLOSED", confirmationRequestedAt: null });
    expect(await prisma.earlyChildhoodDecision.count({ where: { requestId: silent.id, kind: "CLOSED" } })).toBe(1);
    expect((await asked(confirmed.id)).status).toBe("WAITING_LIST");
    // `behind` is asked on its own date (15/01), the confirmed one 3 months after its confirmation (26/02).
    expect(await mails()).toBe(mailsBeforeClose + 1);
    await runWaitingConfirmations(prisma, new Date("2026-12-21T05:00:00Z"));
    expect(await mails()).toBe(mailsBeforeClose + 1);
    const closedMail = await prisma.outboxMail.findFirstOrThrow({
      where: { kind: KIND, to: OTHER.email, subject: { startsWith: "Demande de place en crèche close" } },
    });
    expect(closedMail.text).toContain("retirée des listes d'attente");
    const list = await positions(creches.pitchouns);
    expect(list.map(([id]) => id)).not.toContain(silent.id);
    expect(list.map(([, position]) => position)).toEqual(list.map((_, index) => index + 1));

    await runWaitingConfirmations(prisma, new Date("2027-01-15T05:00:00Z"));
    expect((await asked(behind.id)).confirmationRequestedAt).toEqual(new Date("2027-01-15T05:00:00Z"));
    expect((await asked(confirmed.id)).confirmationRequestedAt).toBeNull();
  });
});
