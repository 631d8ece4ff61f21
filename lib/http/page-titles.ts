import "server-only";

// What a page's <title> names (RGAA 8.6: each title says what the page holds — « Réservation
// n° 000012 », « Famille TEST »), read with the same ownership as the page itself: a parent's
// query is scoped to the family, a staff one asserts the viewer is staff. A foreign or unknown
// id reads null: the page answers 404 and the title stays generic.
import type { ParentViewer, StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { monthLabel } from "@/lib/billing/billing-month";
import { childName } from "@/lib/children/child-name";
import { dateToDay, formatDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import { formatReservationNumber } from "@/lib/reservations/booking-rules";

type FamilyScope = Pick<ParentViewer, "familyId">;

const CHILD_NAME = { select: { lastName: true, firstName: true } } as const;

/** « Réservation n° 000012 – TEST JULIEN » */
export async function familyReservationTitle(db: Db, viewer: FamilyScope, id: string): Promise<string | null> {
  const reservation = await db.reservation.findFirst({
    where: { id, familyId: viewer.familyId },
    select: { number: true, child: CHILD_NAME },
  });
  return reservation ? `Réservation n° ${formatReservationNumber(reservation.number)} – ${childName(reservation.child)}` : null;
}

/** « Facture n° F-PERI-2026-000001 – novembre 2026 » (« Avoir n° … » for a credit note) */
export async function familyInvoiceTitle(db: Db, viewer: FamilyScope, id: string): Promise<string | null> {
  const invoice = await db.invoice.findFirst({
    where: { id, familyId: viewer.familyId },
    select: { kind: true, number: true, month: true },
  });
  if (!invoice) return null;
  return `${invoice.kind === "CREDIT_NOTE" ? "Avoir" : "Facture"} n° ${invoice.number} – ${monthLabel(invoice.month)}`;
}

/** « TEST JULIEN » */
export async function familyChildName(db: Db, viewer: FamilyScope, id: string): Promise<string | null> {
  const child = await db.child.findFirst({
    where: { id, familyId: viewer.familyId },
    select: { lastName: true, firstName: true },
  });
  return child ? childName(child) : null;
}

/** « TEST JULIEN – CANTINE ELEMENTAIRE CAMBON » (the child and the establishment booked). */
export async function familyPlanningSubject(
  db: Db,
  viewer: FamilyScope,
  input: { childId: string; periodId: string },
): Promise<string | null> {
  const [child, period] = await Promise.all([
    familyChildName(db, viewer, input.childId),
    db.period.findUnique({ where: { id: input.periodId }, select: { establishment: { select: { name: true } } } }),
  ]);
  return child && period ? `${child} – ${period.establishment.name}` : null;
}

/** « Famille TEST » */
export async function staffFamilyTitle(db: Db, viewer: StaffViewer, id: string): Promise<string | null> {
  assertStaffViewer(viewer);
  const family = await db.family.findUnique({ where: { id }, select: { name: true } });
  return family ? `Famille ${family.name || "sans nom"}` : null;
}

/** « TEST JULIEN (famille TEST) » */
export async function staffChildTitle(db: Db, viewer: StaffViewer, familyId: string, id: string): Promise<string | null> {
  assertStaffViewer(viewer);
  const child = await db.child.findFirst({
    where: { id, familyId },
    select: { lastName: true, firstName: true, family: { select: { name: true } } },
  });
  return child ? `${childName(child)} (famille ${child.family.name || "sans nom"})` : null;
}

/** « Carnet de vaccination – TEST JULIEN (famille TEST) » */
export async function staffDocumentTitle(db: Db, viewer: StaffViewer, id: string): Promise<string | null> {
  assertStaffViewer(viewer);
  const document = await db.document.findUnique({
    where: { id },
    select: { type: { select: { label: true } }, child: CHILD_NAME, family: { select: { name: true } } },
  });
  if (!document) return null;
  const folder = document.child
    ? `${childName(document.child)} (famille ${document.family.name})`
    : `famille ${document.family.name}`;
  return `${document.type.label} – ${folder}`;
}

/** « CAMBON – CANTINE ELEMENTAIRE 2026-2027 » */
export async function staffPeriodTitle(db: Db, viewer: StaffViewer, id: string): Promise<string | null> {
  assertStaffViewer(viewer);
  const period = await db.period.findUnique({ where: { id }, select: { name: true, establishment: { select: { name: true } } } });
  return period ? `${period.establishment.name} – ${period.name}` : null;
}

/** « MATIN – CAMBON – GARDERIE ELEMENTAIRE 2026-2027 » */
export async function staffUnitTitle(db: Db, viewer: StaffViewer, id: string): Promise<string | null> {
  assertStaffViewer(viewer);
  const unit = await db.unit.findUnique({
    where: { id },
    select: { label: true, period: { select: { name: true, establishment: { select: { name: true } } } } },
  });
  return unit ? `${unit.label} – ${unit.period.establishment.name} – ${unit.period.name}` : null;
}

/** The activity's name. */
export async function staffActivityName(db: Db, viewer: StaffViewer, id: string): Promise<string | null> {
  assertStaffViewer(viewer);
  return (await db.activity.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}

/** The establishment's name. */
export async function staffEstablishmentName(db: Db, viewer: StaffViewer, id: string): Promise<string | null> {
  assertStaffViewer(viewer);
  return (await db.establishment.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}

/** « Demande de place en crèche – TEST LÉA » (« … – enfant à naître (Léa) ») */
export async function staffEarlyChildhoodRequestTitle(db: Db, viewer: StaffViewer, id: string): Promise<string | null> {
  assertStaffViewer(viewer);
  const request = await db.earlyChildhoodRequest.findFirst({
    where: { id, status: { not: "DRAFT" } },
    select: { unbornFirstName: true, child: CHILD_NAME },
  });
  if (!request) return null;
  const child = request.child
    ? childName(request.child)
    : `enfant à naître${request.unbornFirstName ? ` (${request.unbornFirstName})` : ""}`;
  return `Demande de place en crèche – ${child}`;
}

/** « Commission petite enfance du 10/12/2026 » */
export async function staffCommissionTitle(db: Db, viewer: StaffViewer, id: string): Promise<string | null> {
  assertStaffViewer(viewer);
  const session = await db.commissionSession.findUnique({ where: { id }, select: { sessionDate: true } });
  return session ? `Commission petite enfance du ${formatDay(dateToDay(session.sessionDate))}` : null;
}

/** « Demande d'inscription en crèche – TEST LÉA » (« Enfant à naître » for an unborn child). */
export async function familyEarlyChildhoodRequestTitle(db: Db, viewer: FamilyScope, id: string): Promise<string | null> {
  const request = await db.earlyChildhoodRequest.findFirst({
    where: { id, familyId: viewer.familyId },
    select: { unbornFirstName: true, child: CHILD_NAME },
  });
  if (!request) return null;
  const who = request.child
    ? childName(request.child)
    : request.unbornFirstName
      ? `Enfant à naître (${request.unbornFirstName})`
      : "Enfant à naître";
  return `Demande d'inscription en crèche – ${who}`;
}
