import "server-only";

import { writeAudit, writeHealthReadAudit } from "@/lib/audit/audit-log";
import { queueActivationMail } from "@/lib/auth/activation";
import { queuePasswordResetMail } from "@/lib/auth/password-reset";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { setAccountActive } from "@/lib/auth/user-sessions";
import { quotientOnDay } from "@/lib/billing/quotient-bracket";
import { CHILD_HEALTH_FIELDS } from "@/lib/children/child-fields";
import * as clock from "@/lib/clock";
import { dateToDay, dayToDate, parisToday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { FAMILY_RECORD_FIELDS } from "@/lib/families/family-fields";
import { STAFF_RESERVATION_ROW_SELECT } from "@/lib/reservations/staff-reservations";
import { REFUSED_DAYS_SELECT } from "@/lib/reservations/status";

import type { TFamilySearch } from "./family.schema";

export const FAMILY_PAGE_SIZE = 20;

/** Search by family name, e-mail, child's name or allocataire number; sorted and paginated by the database. */
export async function searchFamilies(db: Db, viewer: StaffViewer, search: TFamilySearch) {
  assertStaffViewer(viewer);
  const q = search.q;
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  const where: Prisma.FamilyWhereInput = q
    ? {
        OR: [
          { name: contains(q) },
          { allowanceNumber: contains(q) },
          { users: { some: { email: contains(q) } } },
          { children: { some: { OR: [{ firstName: contains(q) }, { lastName: contains(q) }] } } },
          { guardians: { some: { OR: [{ firstName: contains(q) }, { lastName: contains(q) }] } } },
        ],
      }
    : {};
  const direction = search.sort.startsWith("-") ? "desc" : "asc";
  const field = search.sort.replace("-", "") as "name" | "createdAt";
  const [total, rows] = await Promise.all([
    db.family.count({ where }),
    db.family.findMany({
      where,
      orderBy: [{ [field]: direction }, { id: "asc" }],
      skip: (search.page - 1) * FAMILY_PAGE_SIZE,
      take: FAMILY_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        allowanceNumber: true,
        quotientFamilial: true,
        createdAt: true,
        users: { select: { email: true, active: true, activatedAt: true }, orderBy: { createdAt: "asc" } },
        children: { select: { firstName: true, lastName: true }, orderBy: { birthDate: "asc" } },
      },
    }),
  ]);
  return { total, page: search.page, pageCount: Math.max(1, Math.ceil(total / FAMILY_PAGE_SIZE)), rows };
}

/** Everything the Guichet unique sees of a family, health data excepted (see readChildHealth). */
export async function getFamilyForStaff(db: Db, viewer: StaffViewer, familyId: string) {
  assertStaffViewer(viewer);
  return db.family.findUnique({
    where: { id: familyId },
    select: {
      id: true,
      ...FAMILY_RECORD_FIELDS,
      quotientFamilial: true,
      qfSetAt: true,
      createdAt: true,
      users: {
        where: { role: "PARENT" },
        select: { id: true, email: true, firstName: true, lastName: true, active: true, activatedAt: true, lastLoginAt: true },
        orderBy: { createdAt: "asc" },
      },
      guardians: {
        select: {
          id: true,
          position: true,
          civility: true,
          firstName: true,
          lastName: true,
          mobilePhone: true,
          homePhone: true,
          workPhone: true,
          profession: true,
        },
        orderBy: { position: "asc" },
      },
      children: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          sex: true,
          birthDate: true,
          schoolId: true,
          schoolLevel: true,
          schoolClass: true,
          version: true, // « Modifier l'identité et la scolarité » posts it back
          school: { select: { name: true } },
          authEmergencyCare: true,
          authPhotos: true,
          authLeaveAlone: true,
          authTransport: true,
          emergencyContacts: { select: { id: true, name: true, relation: true, phone: true }, orderBy: { position: "asc" } },
          authorisedPersons: { select: { id: true, name: true, relation: true, phone: true }, orderBy: { position: "asc" } },
        },
        orderBy: { birthDate: "asc" },
      },
      documents: {
        select: {
          id: true,
          status: true,
          name: true,
          originalName: true,
          uploadedAt: true,
          refusalReason: true,
          type: { select: { label: true } },
          child: { select: { firstName: true, lastName: true } },
        },
        orderBy: { uploadedAt: "desc" },
        take: 100,
      },
      reservations: {
        select: {
          ...STAFF_RESERVATION_ROW_SELECT,
          createdAt: true,
          ...REFUSED_DAYS_SELECT,
        },
        orderBy: { createdAt: "desc" },
        take: 100,
      },
    },
  });
}
export type StaffFamily = NonNullable<Awaited<ReturnType<typeof getFamilyForStaff>>>;

/**
 * RENSEIGNEMENTS MÉDICAUX and RÉGIME ALIMENTAIRE of one child. Every read is written to the
 * audit log in the same transaction as the read, so no health data leaves without a trace.
 */
export async function readChildHealth(db: PrismaClient, viewer: StaffViewer, familyId: string, childId: string) {
  return db.$transaction(async (tx) => {
    const child = await tx.child.findFirst({ where: { id: childId, familyId }, select: { id: true } });
    if (!child) throw new AppError("NOT_FOUND", "Enfant introuvable.");
    const health = await tx.childHealth.findUnique({
      where: { childId },
      select: CHILD_HEALTH_FIELDS,
    });
    await writeHealthReadAudit(tx, viewer, { familyId, childId });
    return health;
  });
}

/**
 * SPEC §2: the Guichet unique creates the family and its parent account; the parent's activation
 * mail is written to the outbox in the same transaction (no account without its mail, no mail
 * for an account rolled back).
 */
export async function createFamilyWithParent(
  db: PrismaClient,
  viewer: StaffViewer,
  input: { familyName: string; firstName: string; lastName: string; email: string; allowanceNumber: string | null },
) {
  let created: { familyId: string; userId: string };
  try {
    created = await db.$transaction(async (tx) => {
      const family = await tx.family.create({
        data: {
          name: input.familyName,
          allowanceNumber: input.allowanceNumber,
          guardians: { create: { position: 1, firstName: input.firstName, lastName: input.lastName } },
          users: { create: { email: input.email, role: "PARENT", firstName: input.firstName, lastName: input.lastName } },
        },
        select: { id: true, users: { select: { id: true } } },
      });
      const userId = family.users[0].id;
      await writeAudit(tx, viewer, {
        action: "family.create",
        familyId: family.id,
        targetType: "User",
        targetId: userId,
        details: { email: input.email },
      });
      await queueActivationMail(tx, userId);
      return { familyId: family.id, userId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("EMAIL_TAKEN", "Cette adresse e-mail est déjà l'identifiant d'un autre compte.");
    }
    throw error;
  }
  return created;
}

async function parentAccount(tx: Prisma.TransactionClient, familyId: string, userId: string) {
  const user = await tx.user.findFirst({
    where: { id: userId, familyId, role: "PARENT" },
    select: { id: true, activatedAt: true, active: true, email: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "Compte introuvable.");
  return user;
}

/**
 * A new single-use link (the older ones stay valid until they expire or are used): the
 * activation link for an account never activated, a password-reset link (1 hour) once it is —
 * an activation link only ever sets a first password.
 */
export async function resendActivation(db: PrismaClient, viewer: StaffViewer, familyId: string, userId: string) {
  await db.$transaction(async (tx) => {
    const user = await parentAccount(tx, familyId, userId);
    if (!user.active) throw new AppError("INACTIVE", "Ce compte est désactivé : réactivez-le avant d'envoyer un lien.");
    await writeAudit(tx, viewer, { action: "account.activation.resend", familyId, targetType: "User", targetId: userId });
    if (user.activatedAt !== null) await queuePasswordResetMail(tx, userId);
    else await queueActivationMail(tx, userId);
  });
}

/** Deactivating signs the parent out everywhere (sessionVersion is checked on every request). */
export async function setParentAccountActive(
  db: PrismaClient,
  viewer: StaffViewer,
  familyId: string,
  userId: string,
  active: boolean,
) {
  await db.$transaction(async (tx) => {
    await parentAccount(tx, familyId, userId);
    await setAccountActive(tx, userId, active);
    await writeAudit(tx, viewer, {
      action: active ? "account.reactivate" : "account.deactivate",
      familyId,
      targetType: "User",
      targetId: userId,
    });
  });
}

/**
 * The QF from the CAF/MSA attestation or the tax notice, valid from `validFrom` (default: the first
 * day of the current month): one QuotientHistory row per (family, day), replaced if that day
 * already has one — invoicing prices each day at the QF valid that day. Family.quotientFamilial
 * stays the value valid today.
 */
export async function setQuotientFamilial(
  db: PrismaClient,
  viewer: StaffViewer,
  familyId: string,
  quotientFamilial: number,
  now = clock.now(),
  validFrom: CalendarDay = `${parisToday(now).slice(0, 7)}-01`,
) {
  assertStaffViewer(viewer);
  await db.$transaction(async (tx) => {
    const family = await tx.family.findUnique({ where: { id: familyId }, select: { id: true } });
    if (!family) throw new AppError("NOT_FOUND", "Famille introuvable.");
    await tx.quotientHistory.upsert({
      where: { familyId_validFrom: { familyId, validFrom: dayToDate(validFrom) } },
      update: { quotientFamilial, setAt: now, setByUserId: viewer.userId },
      create: { familyId, quotientFamilial, validFrom: dayToDate(validFrom), setAt: now, setByUserId: viewer.userId },
    });
    const history = await tx.quotientHistory.findMany({
      where: { familyId },
      select: { validFrom: true, quotientFamilial: true },
    });
    const today = parisToday(now);
    const current = history.some((entry) => dateToDay(entry.validFrom) <= today)
      ? quotientOnDay(
          history.map((entry) => ({ validFrom: dateToDay(entry.validFrom), quotientFamilial: entry.quotientFamilial })),
          today,
        )
      : quotientFamilial;
    await tx.family.update({ where: { id: familyId }, data: { quotientFamilial: current, qfSetAt: now } });
    await writeAudit(tx, viewer, {
      action: "family.qf.set",
      familyId,
      targetType: "Family",
      targetId: familyId,
      details: { quotientFamilial, validFrom },
    });
  });
}
