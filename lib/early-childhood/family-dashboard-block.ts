import "server-only";

import type { ParentViewer } from "@/lib/auth/session";
import { childName } from "@/lib/children/child-name";
import { formatDay, parisToday } from "@/lib/dates/calendar-day";
import type { Db } from "@/lib/db/client";
import type { EarlyChildhoodStatus } from "@/lib/db/generated/client";

import { confirmationDeadline, ordinal } from "./family-request-rules";
import { unbornLabel } from "./family-requests";
import { formatWeeklySchedule, parseWeeklySchedule } from "./schedule";
import { EARLY_CHILDHOOD_STATUS_LABELS } from "./status-labels";

// The dashboard's « PETITE ENFANCE » block (the guide's « Inscriptions » / « Historique
// réservations », Enfant / Inscription / Planning): the family's requests and its contracts made
// without a request, one row each, read in ONE query (the dashboard's query count is watched,
// issue #16) — the tab's page, its count, and the requests waiting for the family's confirmation.

type FamilyScope = Pick<ParentViewer, "familyId">;

export type EarlyChildhoodTab = "inscriptions" | "historique";
export const EARLY_CHILDHOOD_TAB_PARAM = "petite-enfance";
export const EARLY_CHILDHOOD_PAGE_PARAM = "petite-enfance-page";

export function parseEarlyChildhoodTab(value: unknown): EarlyChildhoodTab {
  return value === "historique" ? "historique" : "inscriptions";
}

export type EarlyChildhoodBlockRow = {
  key: string;
  /** The request's page, when the row is a request. */
  requestId: string | null;
  child: string;
  /** « MULTI-ACCUEIL LES PITCHOUNS — Liste d'attente (3e) », one line per crèche where it helps. */
  inscription: string[];
  planning: string;
};

export type EarlyChildhoodBlockData = {
  tab: EarlyChildhoodTab;
  rows: EarlyChildhoodBlockRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  awaitingConfirmation: { id: string; deadline: string }[];
};

type RawRow = {
  requestId: string | null;
  contractId: string | null;
  status: EarlyChildhoodStatus | "CONTRACT";
  firstName: string | null;
  lastName: string | null;
  unbornFirstName: string | null;
  wished: unknown;
  planning: unknown;
  contractStatus: "ACTIVE" | "ENDED" | "CANCELLED" | null;
  contractCreche: string | null;
  offeredCreche: string | null;
  choices: { name: string; position: number | null }[] | null;
};

type RawResult = {
  total: number;
  items: RawRow[] | null;
  awaiting: { id: string; requestedAt: string }[] | null;
};

const CONTRACT_LABELS = { ACTIVE: "Contrat en cours", ENDED: "Contrat terminé", CANCELLED: "Contrat annulé" } as const;

function inscriptionLines(row: RawRow): string[] {
  if (row.status === "CONTRACT") return [`${row.contractCreche} — ${CONTRACT_LABELS[row.contractStatus ?? "ACTIVE"]}`];
  const label = EARLY_CHILDHOOD_STATUS_LABELS[row.status];
  const choices = row.choices ?? [];
  if (row.status === "WAITING_LIST")
    return choices.map((choice) => `${choice.name} — ${label}${choice.position ? ` (${ordinal(choice.position)})` : ""}`);
  if (row.status === "ACCEPTED" && row.contractCreche)
    return [`${row.contractCreche} — ${row.contractStatus === "ACTIVE" ? label : CONTRACT_LABELS[row.contractStatus!]}`];
  if (row.status === "PLACE_OFFERED" && row.offeredCreche) return [`${row.offeredCreche} — ${label}`];
  return [`${choices.map((choice) => choice.name).join(", ") || "Crèche à choisir"} — ${label}`];
}

export async function loadEarlyChildhoodBlock(
  db: Db,
  viewer: FamilyScope,
  tab: EarlyChildhoodTab,
  requestedPage: number,
  pageSize: number,
): Promise<EarlyChildhoodBlockData> {
  const current = tab === "inscriptions";
  const page = Math.max(1, Math.floor(requestedPage) || 1);
  const offset = (page - 1) * pageSize;
  const [result] = await db.$queryRaw<RawResult[]>`
    WITH rows AS (
      SELECT r.id AS "requestId", NULL::text AS "contractId", r."createdAt" AS at, r.status::text AS status,
        c."firstName", c."lastName", r."unbornFirstName",
        r."wishedSchedule" AS wished, k."weeklyPlanning" AS planning, k.status::text AS "contractStatus",
        kc.name AS "contractCreche", oc.name AS "offeredCreche",
        (SELECT json_agg(json_build_object('name', cr.name, 'position', ch."waitingPosition") ORDER BY ch.rank)
           FROM "EarlyChildhoodChoice" ch JOIN "Creche" cr ON cr.id = ch."crecheId"
           WHERE ch."requestId" = r.id) AS choices,
        CASE
          WHEN r.status::text IN ('REFUSED', 'CANCELLED', 'CLOSED') THEN false
          WHEN k.id IS NOT NULL AND k.status::text <> 'ACTIVE' THEN false
          ELSE true
        END AS current
      FROM "EarlyChildhoodRequest" r
      LEFT JOIN "Child" c ON c.id = r."childId"
      LEFT JOIN "ChildcareContract" k ON k."requestId" = r.id
      LEFT JOIN "Creche" kc ON kc.id = k."crecheId"
      LEFT JOIN "Creche" oc ON oc.id = r."offeredCrecheId"
      WHERE r."familyId" = ${viewer.familyId}
      UNION ALL
      SELECT NULL, k.id, k."createdAt", 'CONTRACT', c."firstName", c."lastName", NULL,
        NULL, k."weeklyPlanning", k.status::text, kc.name, NULL, NULL, k.status::text = 'ACTIVE'
      FROM "ChildcareContract" k
      JOIN "Child" c ON c.id = k."childId"
      JOIN "Creche" kc ON kc.id = k."crecheId"
      WHERE k."familyId" = ${viewer.familyId} AND k."requestId" IS NULL
    ),
    tab AS (SELECT * FROM rows WHERE current = ${current}),
    page AS (
      SELECT * FROM tab ORDER BY at DESC, "requestId", "contractId" LIMIT ${pageSize}::int OFFSET ${offset}::int
    )
    SELECT
      (SELECT count(*)::int FROM tab) AS total,
      (SELECT json_agg(page ORDER BY at DESC, "requestId", "contractId") FROM page) AS items,
      (SELECT json_agg(json_build_object('id', a.id, 'requestedAt', a."confirmationRequestedAt")
                ORDER BY a."confirmationRequestedAt")
         FROM "EarlyChildhoodRequest" a
         WHERE a."familyId" = ${viewer.familyId} AND a.status::text = 'WAITING_LIST'
           AND a."confirmationRequestedAt" IS NOT NULL) AS awaiting`;
  const total = Number(result.total);
  return {
    tab,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
    rows: (result.items ?? []).map((row) => ({
      key: row.requestId ?? row.contractId!,
      requestId: row.requestId,
      child:
        row.firstName !== null && row.lastName !== null
          ? childName({ firstName: row.firstName, lastName: row.lastName })
          : unbornLabel(row.unbornFirstName),
      inscription: inscriptionLines(row),
      planning: formatWeeklySchedule(parseWeeklySchedule(row.planning ?? row.wished)),
    })),
    awaitingConfirmation: (result.awaiting ?? []).map((entry) => ({
      id: entry.id,
      // A timestamp column reads back in JSON without its zone: it is UTC.
      deadline: formatDay(
        confirmationDeadline(
          parisToday(new Date(/[zZ]|[+-]\d\d:\d\d$/.test(entry.requestedAt) ? entry.requestedAt : `${entry.requestedAt}Z`)),
        ),
      ),
    })),
  };
}
