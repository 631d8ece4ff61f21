import "server-only";

import { CHILD_AUTHORISATION_FIELDS } from "@/lib/children/child-fields";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

import { computeCompleteness, type CompletenessInput, type FamilyCompleteness } from "./completeness";
import type { ConsentKindName } from "./consent-labels";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * A booking being made: the child is judged as booking that period's service too (a document
 * type required for that service is then required of the child, and of the family).
 */
export type BookingContext = { childId: string; periodId: string };

/** Reads what computeCompleteness needs for one family (scoped by its id) and computes it. */
export async function loadCompleteness(db: Db, familyId: string, booking?: BookingContext): Promise<FamilyCompleteness | null> {
  const input = await loadCompletenessInput(db, familyId, booking);
  return input ? computeCompleteness(input) : null;
}

export async function loadCompletenessInput(
  db: Db,
  familyId: string,
  booking?: BookingContext,
): Promise<CompletenessInput | null> {
  const documentSelect = { typeId: true, status: true, refusalReason: true, uploadedAt: true } as const;
  // One query after another: on a transaction client (the booking transaction), queries share
  // one connection and must not overlap.
  const family = await db.family.findUnique({
    where: { id: familyId },
    select: {
      civility: true,
      name: true,
      street: true,
      postalCode: true,
      city: true,
      homePhone: true,
      situation: true,
      benefitScheme: true,
      guardians: {
        select: { position: true, lastName: true, firstName: true, homePhone: true, mobilePhone: true, workPhone: true },
      },
      consents: { select: { childId: true, text: { select: { kind: true, version: true } } } },
      documents: { where: { childId: null }, select: documentSelect },
      children: {
        orderBy: [{ birthDate: "desc" }, { firstName: "asc" }],
        select: {
          id: true,
          firstName: true,
          lastName: true,
          sex: true,
          schoolId: true,
          schoolLevel: true,
          ...CHILD_AUTHORISATION_FIELDS,
          health: {
            select: {
              doctorName: true,
              doctorPhone: true,
              hasPai: true,
              vaccinationsUpToDate: true,
              dietKind: true,
              dietDetails: true,
            },
          },
          _count: { select: { emergencyContacts: true } },
          documents: { select: documentSelect },
        },
      },
    },
  });
  if (!family) return null;
  const texts = await db.consentText.groupBy({ by: ["kind"], _max: { version: true } });
  const mandatoryTypes = await db.documentType.findMany({
    where: { mandatory: true, active: true },
    select: { id: true, code: true, label: true, scope: true, activities: { select: { activityId: true } } },
  });
  // The services each child books (pending or accepted reservations), and the one being booked.
  const booked = mandatoryTypes.some((type) => type.activities.length > 0)
    ? await db.reservation.findMany({
        where: { familyId, status: { in: ["PENDING", "ACCEPTED"] } },
        select: { childId: true, period: { select: { activityId: true } } },
      })
    : [];
  const bookingActivity = booking
    ? await db.period.findUnique({ where: { id: booking.periodId }, select: { activityId: true } })
    : null;
  const activitiesOf = (childId: string) => [
    ...new Set([
      ...booked.filter((row) => row.childId === childId).map((row) => row.period.activityId),
      ...(bookingActivity && booking?.childId === childId ? [bookingActivity.activityId] : []),
    ]),
  ];
  const typeRule = ({ activities, ...type }: (typeof mandatoryTypes)[number]) => ({
    ...type,
    activityIds: activities.map((entry) => entry.activityId),
  });

  const currentConsentVersions: CompletenessInput["currentConsentVersions"] = {};
  for (const text of texts)
    if (text._max.version !== null) currentConsentVersions[text.kind as ConsentKindName] = text._max.version;

  return {
    family: {
      ...family,
      acceptedConsents: family.consents.map((consent) => ({
        kind: consent.text.kind as ConsentKindName,
        version: consent.text.version,
        childId: consent.childId,
      })),
    },
    children: family.children.map((child) => ({
      id: child.id,
      firstName: child.firstName,
      lastName: child.lastName,
      sex: child.sex,
      schoolId: child.schoolId,
      schoolLevel: child.schoolLevel,
      health: child.health,
      emergencyContactCount: child._count.emergencyContacts,
      authorisations: {
        emergencyCare: child.authEmergencyCare,
        photos: child.authPhotos,
        leaveAlone: child.authLeaveAlone,
        transport: child.authTransport,
      },
      documents: child.documents,
      activityIds: activitiesOf(child.id),
    })),
    currentConsentVersions,
    mandatoryChildDocumentTypes: mandatoryTypes.filter((type) => type.scope === "CHILD").map(typeRule),
    mandatoryFamilyDocumentTypes: mandatoryTypes.filter((type) => type.scope === "FAMILY").map(typeRule),
    familyDocuments: family.documents,
  };
}
