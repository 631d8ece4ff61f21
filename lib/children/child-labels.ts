// A child's enums as the pages name them, each wording once: the sheet's choices, and the short
// wordings of the period form and of the daily lists.
import type { DietKind, SchoolLevel } from "@/lib/db/generated/client";

export const SEXES = [
  { value: "F", label: "Fille" },
  { value: "M", label: "Garçon" },
] as const;

export const SCHOOL_LEVELS = [
  { value: "TPS", label: "Toute petite section" },
  { value: "PS", label: "Petite section" },
  { value: "MS", label: "Moyenne section" },
  { value: "GS", label: "Grande section" },
  { value: "CP", label: "CP" },
  { value: "CE1", label: "CE1" },
  { value: "CE2", label: "CE2" },
  { value: "CM1", label: "CM1" },
  { value: "CM2", label: "CM2" },
  { value: "COLLEGE", label: "Collège" },
  { value: "LYCEE", label: "Lycée" },
] as const satisfies readonly { value: SchoolLevel; label: string }[];

/** A period's eligible levels (period form). */
export const SCHOOL_LEVEL_SHORT_LABELS: Record<SchoolLevel, string> = {
  TPS: "TPS",
  PS: "PS",
  MS: "MS",
  GS: "GS",
  CP: "CP",
  CE1: "CE1",
  CE2: "CE2",
  CM1: "CM1",
  CM2: "CM2",
  COLLEGE: "Collège",
  LYCEE: "Lycée",
};

// CNIL: no religious categories ("halal", "casher"); the choices describe the food only.
export const DIET_KINDS = [
  { value: "AUCUN", label: "Aucun régime particulier" },
  { value: "SANS_PORC", label: "Sans porc" },
  { value: "SANS_VIANDE", label: "Sans viande" },
  { value: "VEGETARIEN", label: "Végétarien" },
  { value: "ALLERGIE_PAI", label: "Lié à une allergie (PAI)" },
  { value: "AUTRE", label: "Autre (à préciser)" },
] as const satisfies readonly { value: DietKind; label: string }[];

/** The daily lists' and kitchen counts' wording. */
export const DIET_LIST_LABELS: Record<DietKind, string> = {
  AUCUN: "Standard",
  SANS_PORC: "Sans porc",
  SANS_VIANDE: "Sans viande",
  VEGETARIEN: "Végétarien",
  ALLERGIE_PAI: "Allergie / PAI",
  AUTRE: "Autre",
};
