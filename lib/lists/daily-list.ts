import "server-only";

import type { AttendanceStatusName } from "@/lib/attendance/attendance-labels";
import { writeAudit } from "@/lib/audit/audit-log";
import type { StaffViewer } from "@/lib/auth/session";
import { assertStaffViewer } from "@/lib/auth/staff-only";
import { UNIT_FIELDS } from "@/lib/catalogue/catalogue";
import { childName } from "@/lib/children/child-name";
import { addDays, dateToDay, dayToDate, isoWeekday, type CalendarDay } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { DietKind } from "@/lib/db/generated/client";

import type { TDailyListQuery, TKitchenQuery } from "./list.schema";

// Listes du jour. Who appears: lines ACCEPTED are the children expected; lines still PENDING
// are listed apart ("en attente de validation") and never counted in the totals, so staff
// can see what may still arrive. Health data shown here is the minimum the staff on site
// need (diet and an allergy/PAI flag, not the medical details); agents and admins may both
// see it, and each view of a list writes one audit entry (SPEC §9: reads of health data are
// logged). Details stay on the family page behind "Afficher les informations médicales".
// For the evening, each child also carries who may collect them (the family's guardians and the
// persons authorised on the child's sheet), whether they may leave alone, and the day's pointage.

export type DailyListChild = {
  /** The accepted (or pending) reservation day: what attendance is marked on. */
  reservationDayId: string;
  /** Its reservation (the staff reservation page). */
  reservationId: string;
  childId: string;
  familyId: string;
  name: string;
  school: string | null;
  schoolClass: string | null;
  schoolLevel: string | null;
  diet: DietKind | null;
  allergyOrPai: boolean;
  emergencyContacts: string;
  /** The family's guardians, « NOM Prénom 06… » joined by « ; ». */
  guardians: string;
  /** The persons authorised on the child's sheet to collect them, « Nom (lien) 06… » joined by « ; ». */
  authorisedPersons: string;
  /** The sheet's « autorisé à partir seul » (null: not answered). */
  leaveAlone: boolean | null;
  attendance: AttendanceStatusName | null;
};
export type DailyListUnit = {
  unitId: string;
  establishment: string;
  activity: string;
  period: string;
  label: string;
  hours: string;
  /** Canteen units: nobody collects a child at a meal, so the list leaves out who may. */
  isMeal: boolean;
  capacity: number;
  accepted: DailyListChild[];
  pending: DailyListChild[];
};

type Row = {
  dayId: string;
  reservationId: string;
  unitId: string;
  status: "ACCEPTED" | "PENDING";
  childId: string;
  familyId: string;
  firstName: string;
  lastName: string;
  schoolClass: string | null;
  schoolLevel: string | null;
  school: string | null;
  dietKind: DietKind | null;
  allergyOrPai: boolean;
  contacts: string | null;
  guardians: string | null;
  authorised: string | null;
  leaveAlone: boolean | null;
  attendance: AttendanceStatusName | null;
};

const MEAL_ACTIVITY = "RESTAURATION_SCOLAIRE";

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
/** French alphabetical order for names: accents and case ignored (É sorts with E). */
const sortKey = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * Two queries: the day's lines with child, school, diet flag and emergency contacts (the
 * allergy/PAI flag is computed in SQL so no medical text leaves the database), then the few
 * units they belong to. Sorting happens here with a French collator: cheaper than a
 * collation-aware ORDER BY over thousands of rows (measured in tests/bench/daily-lists.bench.ts).
 */
export async function dailyList(
  db: Db,
  viewer: StaffViewer,
  query: TDailyListQuery,
): Promise<{ date: CalendarDay; units: DailyListUnit[]; totalAccepted: number; totalPending: number }> {
  assertStaffViewer(viewer);
  const date = dayToDate(query.date);
  const establishmentId = query.establishmentId ?? null;
  // One JSON value rather than thousands of rows: Prisma's per-row decoding was most of the time.
  const [result] = await db.$queryRaw<{ rows: Row[] | string | null }[]>`
    WITH lines AS (
      SELECT rd.id, rd."reservationId", rd."unitId", rd."childId", rd.status
        FROM "ReservationDay" rd
        JOIN "Unit" u ON u.id = rd."unitId"
        JOIN "Period" p ON p.id = u."periodId"
       WHERE rd.date = ${date}::date AND rd.status IN ('ACCEPTED', 'PENDING')
         AND (${establishmentId}::text IS NULL OR p."establishmentId" = ${establishmentId}::text)
    ), contacts AS (
      SELECT ec."childId", string_agg(ec.name || ' (' || ec.relation || ') ' || ec.phone, ' ; ' ORDER BY ec.position) AS contacts
        FROM "EmergencyContact" ec
       WHERE ec."childId" IN (SELECT "childId" FROM lines)
       GROUP BY ec."childId"
    ), authorised AS (
      SELECT ap."childId", string_agg(ap.name || ' (' || ap.relation || ') ' || ap.phone, ' ; ' ORDER BY ap.position) AS names
        FROM "AuthorisedPerson" ap
       WHERE ap."childId" IN (SELECT "childId" FROM lines)
       GROUP BY ap."childId"
    ), guardians AS (
      SELECT g."familyId",
             string_agg(g."lastName" || ' ' || g."firstName" || COALESCE(' ' || NULLIF(btrim(g."mobilePhone"), ''), ''), ' ; ' ORDER BY g.position) AS names
        FROM "Guardian" g
       WHERE g."familyId" IN (SELECT c."familyId" FROM "Child" c WHERE c.id IN (SELECT "childId" FROM lines))
       GROUP BY g."familyId"
    )
    SELECT json_agg(json_build_object(
             'dayId', l.id, 'reservationId', l."reservationId", 'unitId', l."unitId", 'status', l.status, 'childId', c.id, 'familyId', c."familyId",
             'firstName', c."firstName", 'lastName', c."lastName", 'schoolClass', c."schoolClass",
             'schoolLevel', c."schoolLevel", 'school', s.name, 'dietKind', h."dietKind",
             'allergyOrPai', (COALESCE(h."hasPai", false) OR COALESCE(btrim(h.allergies), '') <> '' OR COALESCE(h."dietKind" = 'ALLERGIE_PAI', false)),
             'contacts', ct.contacts, 'guardians', gd.names, 'authorised', au.names,
             'leaveAlone', c."authLeaveAlone", 'attendance', at.status)) AS rows
      FROM lines l
      JOIN "Child" c ON c.id = l."childId"
      LEFT JOIN "School" s ON s.id = c."schoolId"
      LEFT JOIN "ChildHealth" h ON h."childId" = c.id
      LEFT JOIN contacts ct ON ct."childId" = c.id
      LEFT JOIN authorised au ON au."childId" = c.id
      LEFT JOIN guardians gd ON gd."familyId" = c."familyId"
      LEFT JOIN "Attendance" at ON at."reservationDayId" = l.id`;
  const rows: Row[] = typeof result.rows === "string" ? JSON.parse(result.rows) : (result.rows ?? []);
  const units = new Map<string, DailyListUnit>(
    (await dayUnits(db, [...new Set(rows.map((row) => row.unitId))], date)).map((unit) => [
      unit.unitId,
      { ...unit, accepted: [], pending: [] },
    ]),
  );
  // One collation key per child (cheaper than a collator call per comparison).
  const keyed = rows.map((row) => ({ row, key: sortKey(`${row.lastName}\u0001${row.firstName}`) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { row } of keyed) {
    const unit = units.get(row.unitId)!;
    const child: DailyListChild = {
      reservationDayId: row.dayId,
      reservationId: row.reservationId,
      childId: row.childId,
      familyId: row.familyId,
      name: childName(row),
      school: row.school,
      schoolClass: row.schoolClass,
      schoolLevel: row.schoolLevel,
      diet: row.dietKind,
      allergyOrPai: row.allergyOrPai,
      emergencyContacts: row.contacts ?? "",
      guardians: row.guardians ?? "",
      authorisedPersons: row.authorised ?? "",
      leaveAlone: row.leaveAlone,
      attendance: row.attendance,
    };
    (row.status === "ACCEPTED" ? unit.accepted : unit.pending).push(child);
  }
  const list = [...units.values()];
  const totalAccepted = list.reduce((sum, unit) => sum + unit.accepted.length, 0);
  const totalPending = list.reduce((sum, unit) => sum + unit.pending.length, 0);
  await writeAudit(db, viewer, {
    action: "daily-list.view",
    targetType: "Establishment",
    targetId: establishmentId ?? undefined,
    details: { date: query.date, children: totalAccepted + totalPending },
  });
  return { date: query.date, units: list, totalAccepted, totalPending };
}

type DayUnit = Omit<DailyListUnit, "accepted" | "pending"> & { establishmentId: string };

/** The day's units by id, in the lists' order: establishment, activity, the unit's own order, label. */
async function dayUnits(db: Db, unitIds: string[], date: Date): Promise<DayUnit[]> {
  const unitRows = await db.unit.findMany({
    where: { id: { in: unitIds } },
    select: {
      ...UNIT_FIELDS,
      sortOrder: true,
      days: { where: { date }, select: { capacity: true } },
      period: {
        select: {
          name: true,
          establishmentId: true,
          establishment: { select: { name: true } },
          activity: { select: { code: true, name: true, sortOrder: true } },
        },
      },
    },
  });
  unitRows.sort(
    (a, b) =>
      collator.compare(a.period.establishment.name, b.period.establishment.name) ||
      a.period.activity.sortOrder - b.period.activity.sortOrder ||
      a.sortOrder - b.sortOrder ||
      collator.compare(a.label, b.label),
  );
  return unitRows.map((unit) => ({
    unitId: unit.id,
    establishmentId: unit.period.establishmentId,
    establishment: unit.period.establishment.name,
    activity: unit.period.activity.name,
    period: unit.period.name,
    label: unit.label,
    hours: `${unit.startTime} – ${unit.endTime}`,
    isMeal: unit.period.activity.code === MEAL_ACTIVITY,
    capacity: unit.days[0]?.capacity ?? unit.capacity,
  }));
}

/**
 * Above this many children on the day, the town-wide view («Tous») shows the counts per unit and
 * asks for an establishment: a whole town's names (15,000 children) would make a page of tens of
 * megabytes that no tablet opens. An establishment's lists are always shown in full.
 */
export const WHOLE_TOWN_LIST_LIMIT = 400;

export type DailyListSummary = {
  date: CalendarDay;
  units: (DayUnit & { accepted: number; pending: number })[];
  totalAccepted: number;
  totalPending: number;
};

/**
 * The day's counts per unit, without names or health data (so no audit entry): what the whole
 * town's day looks like before an agent opens one establishment's lists. One grouped query.
 */
export async function dailyListSummary(db: Db, viewer: StaffViewer, query: TDailyListQuery): Promise<DailyListSummary> {
  assertStaffViewer(viewer);
  const date = dayToDate(query.date);
  const establishmentId = query.establishmentId ?? null;
  const counts = await db.$queryRaw<{ unitId: string; accepted: number; pending: number }[]>`
    SELECT rd."unitId",
           count(*) FILTER (WHERE rd.status = 'ACCEPTED')::int AS accepted,
           count(*) FILTER (WHERE rd.status = 'PENDING')::int AS pending
      FROM "ReservationDay" rd
      JOIN "Unit" u ON u.id = rd."unitId"
      JOIN "Period" p ON p.id = u."periodId"
     WHERE rd.date = ${date}::date AND rd.status IN ('ACCEPTED', 'PENDING')
       AND (${establishmentId}::text IS NULL OR p."establishmentId" = ${establishmentId}::text)
     GROUP BY rd."unitId"`;
  const byUnit = new Map(counts.map((row) => [row.unitId, row]));
  const units = (await dayUnits(db, [...byUnit.keys()], date)).map((unit) => ({
    ...unit,
    accepted: byUnit.get(unit.unitId)!.accepted,
    pending: byUnit.get(unit.unitId)!.pending,
  }));
  return {
    date: query.date,
    units,
    totalAccepted: units.reduce((sum, unit) => sum + unit.accepted, 0),
    totalPending: units.reduce((sum, unit) => sum + unit.pending, 0),
  };
}

export type KitchenCounts = {
  days: CalendarDay[];
  diets: (DietKind | "AUCUN")[];
  /** Per school (establishment) and diet: meals per day, and among them the children flagged allergy / PAI. */
  rows: {
    establishment: string;
    perDay: Record<CalendarDay, Record<string, number>>;
    flaggedPerDay: Record<CalendarDay, Record<string, number>>;
    total: number;
  }[];
  totalsPerDay: Record<CalendarDay, number>;
  total: number;
};

const DIET_ORDER: DietKind[] = ["AUCUN", "SANS_PORC", "SANS_VIANDE", "VEGETARIEN", "ALLERGIE_PAI", "AUTRE"];

/** Meals for the kitchen: accepted lines of RESTAURATION_SCOLAIRE units, per school and diet, for a day or its week (Monday–Sunday). */
export async function kitchenCounts(db: Db, viewer: StaffViewer, query: TKitchenQuery): Promise<KitchenCounts> {
  assertStaffViewer(viewer);
  const from = query.span === "week" ? addDays(query.date, 1 - isoWeekday(query.date)) : query.date;
  const to = query.span === "week" ? addDays(from, 6) : query.date;
  // « dont PAI / allergie » uses the daily list's flag: a « Standard » meal may be a child with an allergy.
  const rows = await db.$queryRaw<{ establishment: string; date: Date; diet: DietKind; meals: number; flagged: number }[]>`
    SELECT e.name AS establishment, rd.date, COALESCE(h."dietKind", 'AUCUN'::"DietKind") AS diet, count(*)::int AS meals,
           count(*) FILTER (WHERE COALESCE(h."hasPai", false) OR COALESCE(btrim(h.allergies), '') <> ''
                                  OR COALESCE(h."dietKind" = 'ALLERGIE_PAI', false))::int AS flagged
      FROM "ReservationDay" rd
      JOIN "Unit" u ON u.id = rd."unitId"
      JOIN "Period" p ON p.id = u."periodId"
      JOIN "Activity" a ON a.id = p."activityId"
      JOIN "Establishment" e ON e.id = p."establishmentId"
      LEFT JOIN "ChildHealth" h ON h."childId" = rd."childId"
     WHERE rd.date BETWEEN ${dayToDate(from)}::date AND ${dayToDate(to)}::date
       AND rd.status = 'ACCEPTED' AND a.code = 'RESTAURATION_SCOLAIRE'
     GROUP BY e.name, rd.date, COALESCE(h."dietKind", 'AUCUN'::"DietKind")
     ORDER BY e.name`;
  const days: CalendarDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  const byEstablishment = new Map<string, KitchenCounts["rows"][number]>();
  const totalsPerDay: Record<CalendarDay, number> = Object.fromEntries(days.map((day) => [day, 0]));
  const dietsSeen = new Set<string>();
  let total = 0;
  for (const row of rows) {
    const day = dateToDay(row.date);
    let entry = byEstablishment.get(row.establishment);
    if (!entry) {
      entry = {
        establishment: row.establishment,
        perDay: Object.fromEntries(days.map((d) => [d, {}])),
        flaggedPerDay: Object.fromEntries(days.map((d) => [d, {}])),
        total: 0,
      };
      byEstablishment.set(row.establishment, entry);
    }
    entry.perDay[day][row.diet] = (entry.perDay[day][row.diet] ?? 0) + row.meals;
    if (row.flagged) entry.flaggedPerDay[day][row.diet] = (entry.flaggedPerDay[day][row.diet] ?? 0) + row.flagged;
    entry.total += row.meals;
    totalsPerDay[day] += row.meals;
    total += row.meals;
    dietsSeen.add(row.diet);
  }
  return {
    days,
    diets: DIET_ORDER.filter((diet) => dietsSeen.has(diet)),
    rows: [...byEstablishment.values()],
    totalsPerDay,
    total,
  };
}
