// What each kind of school teaches, shared by the schools form (client) and the server.
import type { SchoolKind, SchoolLevel } from "@/lib/db/generated/client";

export const SCHOOL_KINDS = [
  { value: "MATERNELLE", label: "Maternelle" },
  { value: "ELEMENTAIRE", label: "Élémentaire" },
  { value: "PRIMAIRE", label: "Primaire (maternelle et élémentaire)" },
] as const satisfies readonly { value: SchoolKind; label: string }[];

const MATERNELLE_LEVELS = ["TPS", "PS", "MS", "GS"] as const satisfies readonly SchoolLevel[];
const ELEMENTAIRE_LEVELS = ["CP", "CE1", "CE2", "CM1", "CM2"] as const satisfies readonly SchoolLevel[];

/** The levels a school of each kind may offer (the form ticks them all for a new school). */
export const KIND_LEVELS: Record<SchoolKind, readonly SchoolLevel[]> = {
  MATERNELLE: MATERNELLE_LEVELS,
  ELEMENTAIRE: ELEMENTAIRE_LEVELS,
  PRIMAIRE: [...MATERNELLE_LEVELS, ...ELEMENTAIRE_LEVELS],
};

export const SCHOOL_KIND_LABELS: Record<SchoolKind, string> = {
  MATERNELLE: "Maternelle",
  ELEMENTAIRE: "Élémentaire",
  PRIMAIRE: "Primaire",
};
