import type { CrecheAgeGroup, FamilySituation } from "@/lib/db/generated/enums";

import { ageGroupAt, ageInMonths } from "./age-group";

// The commission's pure rules (SPEC §7): the score of a candidate under the town's published
// criteria, the ranking, the places free per crèche and age group, and the default end of a
// contract. No database, no clock: the caller passes the facts and the dates.

/** The criteria the ranking knows; staff edit their labels and points and switch them on or off. */
export const CRITERION_CODES = [
  "RESIDENT",
  "SIBLING_IN_CRECHE",
  "BOTH_PARENTS_WORKING",
  "SINGLE_PARENT",
  "REQUEST_AGE_MONTH",
] as const;
export type CriterionCode = (typeof CRITERION_CODES)[number];

/** What each criterion means, as the settings page explains it. */
export const CRITERION_RULES: Record<CriterionCode, string> = {
  RESIDENT: "La commune ou le code postal de la famille sont ceux de la commune (paramètres de la commune).",
  SIBLING_IN_CRECHE: "Un frère ou une sœur de l'enfant a un contrat de crèche en cours.",
  BOTH_PARENTS_WORKING:
    "Les deux responsables ont une profession renseignée (ou le seul responsable, pour une famille monoparentale) ; « sans profession », « sans emploi », « chômeur » ne comptent pas.",
  SINGLE_PARENT: "Situation familiale : célibataire, séparé(e), divorcé(e) ou veuf(ve).",
  REQUEST_AGE_MONTH: "Points par mois entier écoulé depuis l'envoi de la demande, jusqu'à la date de la commission.",
};

export const DEFAULT_CRITERIA: { code: CriterionCode; label: string; points: number; sortOrder: number }[] = [
  { code: "RESIDENT", label: "Famille domiciliée dans la commune", points: 30, sortOrder: 1 },
  { code: "SIBLING_IN_CRECHE", label: "Frère ou sœur déjà accueilli en crèche", points: 20, sortOrder: 2 },
  { code: "BOTH_PARENTS_WORKING", label: "Parents exerçant une activité professionnelle", points: 15, sortOrder: 3 },
  { code: "SINGLE_PARENT", label: "Famille monoparentale", points: 10, sortOrder: 4 },
  { code: "REQUEST_AGE_MONTH", label: "Ancienneté de la demande (par mois)", points: 1, sortOrder: 5 },
];

export type CandidateFacts = {
  resident: boolean;
  siblingInCreche: boolean;
  parentsWorking: boolean;
  singleParent: boolean;
  /** Whole months since the request was sent, at the ranking's date. */
  requestAgeMonths: number;
};

export type ScoreLine = { code: string; label: string; points: number };
export type Criterion = { code: string; label: string; points: number; active: boolean };

const SINGLE_SITUATIONS: FamilySituation[] = ["CELIBATAIRE", "SEPARES", "DIVORCES", "VEUF"];

export function isSingleParent(situation: FamilySituation | null): boolean {
  return situation !== null && SINGLE_SITUATIONS.includes(situation);
}

const NOT_WORKING = /^(sans\b|aucun|ch[oô]m|demandeu|inactif|au foyer|n[ée]ant)/i;

/** A profession that says the guardian works: filled in and not « sans profession », « chômeur »… */
export function isWorking(profession: string | null): boolean {
  const value = profession?.trim() ?? "";
  return value !== "" && !NOT_WORKING.test(value);
}

/**
 * Rule for BOTH_PARENTS_WORKING, from what the family record holds: every guardian recorded
 * (Responsable 1 and 2) has a profession; a family with one guardian counts when that one works.
 */
export function parentsWorking(guardians: { profession: string | null }[]): boolean {
  return guardians.length > 0 && guardians.every((guardian) => isWorking(guardian.profession));
}

const normalise = (value: string) =>
  value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, " ")
    .trim();

/**
 * Rule for RESIDENT: the family's city is the town's name (« Ville de Rodez » → RODEZ, accents and
 * case aside), or its postal code is the one written in the Guichet unique's address.
 */
export function isResident(
  family: { city: string | null; postalCode: string | null },
  town: { townName: string; guichetAddress: string },
): boolean {
  const townCity = normalise(town.townName.replace(/^(ville|commune|mairie)\s+(de|d'|du)\s*/i, ""));
  if (family.city && townCity !== "" && normalise(family.city) === townCity) return true;
  const townPostalCode = town.guichetAddress.match(/\b\d{5}\b/)?.[0];
  return Boolean(townPostalCode && family.postalCode?.trim() === townPostalCode);
}

/** Whole months from the day a request was sent to the ranking's day (0 when not sent yet). */
export function requestAgeMonths(submittedDay: string | null, atDay: string): number {
  return submittedDay ? Math.max(0, ageInMonths(submittedDay, atDay)) : 0;
}

/** The score under the active criteria, with one line per criterion met. */
export function scoreCandidate(criteria: Criterion[], facts: CandidateFacts): { score: number; detail: ScoreLine[] } {
  const detail: ScoreLine[] = [];
  for (const criterion of criteria) {
    if (!criterion.active) continue;
    const met: Record<CriterionCode, number> = {
      RESIDENT: facts.resident ? 1 : 0,
      SIBLING_IN_CRECHE: facts.siblingInCreche ? 1 : 0,
      BOTH_PARENTS_WORKING: facts.parentsWorking ? 1 : 0,
      SINGLE_PARENT: facts.singleParent ? 1 : 0,
      REQUEST_AGE_MONTH: facts.requestAgeMonths,
    };
    const times = (met as Record<string, number>)[criterion.code] ?? 0;
    if (times === 0) continue;
    const label = criterion.code === "REQUEST_AGE_MONTH" ? `${criterion.label} × ${times} mois` : criterion.label;
    detail.push({ code: criterion.code, label, points: criterion.points * times });
  }
  return { score: detail.reduce((sum, line) => sum + line.points, 0), detail };
}

/** Highest score first; ties go to the request sent first, then by id (a stable order). */
export function rankCandidates<T extends { id: string; score: number; submittedAt: Date | null }>(candidates: T[]): T[] {
  return [...candidates].sort(
    (a, b) =>
      b.score - a.score ||
      (a.submittedAt?.getTime() ?? Infinity) - (b.submittedAt?.getTime() ?? Infinity) ||
      a.id.localeCompare(b.id),
  );
}

/** The day whose age decides the group: the child's birth, or the expected birth of an unborn child. */
export function groupAt(birthDay: string | null, atDay: string): CrecheAgeGroup {
  return birthDay ? ageGroupAt(birthDay, atDay) : "BEBES";
}

export type PlacesCount = { crecheId: string; ageGroup: CrecheAgeGroup; capacity: number; taken: number; offered: number };

/** Places free = capacity − contracts in force in that group − places offered and not answered yet. */
export function placesFree(count: Pick<PlacesCount, "capacity" | "taken" | "offered">): number {
  return count.capacity - count.taken - count.offered;
}

/** A contract offered ends on 31 July of the year the child turns 3 (the end of the crèche years). */
export function defaultContractEnd(birthDay: string): string {
  return `${Number(birthDay.slice(0, 4)) + 3}-07-31`;
}
