// « No lost updates » (issue #10, point 8): the family record and the child sheet carry a
// version; a form posts the version it was loaded with, and a save made on an older one is
// refused with what changed meanwhile instead of silently undoing the other person's change.
// Pure: shared by the forms (schemas, types) and the server (the refusal).
import { z } from "zod";

import { formatDateTime } from "@/lib/dates/calendar-day";
import { AppError } from "@/lib/errors";

export const RELOAD_MESSAGE = "Le formulaire n'est pas à jour : rechargez la page et recommencez.";

/** The version the form was loaded with (a hidden field: a number, or its text from a FormData). */
export const ZRecordVersion = z.coerce
  .number({ error: RELOAD_MESSAGE })
  .int({ error: RELOAD_MESSAGE })
  .min(1, { error: RELOAD_MESSAGE })
  .max(2_147_483_647, { error: RELOAD_MESSAGE });

const loadedValue = z.union([
  z.string().max(2000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.record(z.string().max(32), z.string().max(200))).max(20),
]);

function fromJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value; // refused below as not an object
  }
}

/**
 * The values the form was loaded with (or last saved), as an object or its JSON text: compared
 * with the stored ones when a save is refused, to name the fields that changed meanwhile. Only
 * compared, never stored; only fields of the reader's own form are looked at.
 */
export const ZLoadedValues = z
  .preprocess(fromJson, z.record(z.string().max(64), loadedValue, { error: RELOAD_MESSAGE }))
  .optional();

export type LoadedValues = z.output<typeof ZLoadedValues>;

/** Who made the versions a stale save missed. */
export type ChangedBy = "staff" | "family" | "staff-and-family" | null;

/** What the form shows after a refusal: the message, the fields changed meanwhile, the version to save on deliberately. */
export type TStaleSave = { message: string; changedFields: string[]; version: number };

/** A save's outcome as the forms' actions return it. */
export type TSaveOutcome = { saved: true; version: number } | { saved: false; stale: TStaleSave };

const AUTHORS: Record<Exclude<ChangedBy, null>, string> = {
  staff: "un agent de la mairie",
  family: "la famille",
  "staff-and-family": "la famille et par un agent de la mairie",
};

/** « Ce dossier a été modifié par … le … à … pendant que vous le complétiez. … » */
export function staleSaveMessage(subject: "record" | "sheet", by: ChangedBy, at: Date): string {
  const what = subject === "record" ? "Ce dossier a été modifié" : "Cette fiche a été modifiée";
  const author = by ? ` par ${AUTHORS[by]}` : "";
  return `${what}${author} le ${formatDateTime(at)} pendant que vous ${subject === "record" ? "le" : "la"} complétiez. Vos saisies sont conservées dans le formulaire : vérifiez-les puis enregistrez à nouveau.`;
}

export const NO_VISIBLE_CHANGE = "Aucune rubrique de ce formulaire n'a changé : la modification porte sur d'autres informations.";

/** The refusal's text in one piece (for forms that show a single message). */
export function staleSaveText(stale: TStaleSave): string {
  return stale.changedFields.length
    ? `${stale.message} Rubriques modifiées entre-temps : ${stale.changedFields.join(" ; ")}.`
    : `${stale.message} ${NO_VISIBLE_CHANGE}`;
}

/** A save refused because the record moved on since the form was loaded. Nothing of it was written. */
export class StaleSaveError extends AppError {
  constructor(readonly stale: TStaleSave & { changedBy: ChangedBy; changedAt: Date }) {
    super("STALE_VERSION", staleSaveText(stale));
    this.name = "StaleSaveError";
  }
}

/** Runs a save and returns its outcome; a stale save becomes the form's refusal, anything else is thrown on. */
export async function savedOrStale(save: () => Promise<number>): Promise<TSaveOutcome> {
  try {
    return { saved: true, version: await save() };
  } catch (error) {
    if (error instanceof StaleSaveError) {
      const { message, changedFields, version } = error.stale;
      return { saved: false, stale: { message, changedFields, version } };
    }
    throw error;
  }
}

function comparable(value: unknown, upperCase: boolean): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) {
    const rows = value.map((row) =>
      row && typeof row === "object"
        ? Object.fromEntries(Object.entries(row).map(([key, text]) => [key, comparable(text, false)]))
        : row,
    );
    return JSON.stringify(rows);
  }
  const text = String(value).trim();
  return upperCase ? text.toUpperCase() : text;
}

/**
 * The labels of the fields whose value differs between `loaded` and `current`, in the label
 * map's order. Only the map's fields that the form had are compared (a field the reader's form
 * does not show is never named). `upperCase` names the fields the save stores in capitals, so
 * that « Rodez » saved as « RODEZ » is not a change.
 */
export function changedFieldLabels(
  labels: Record<string, string>,
  loaded: LoadedValues,
  current: Record<string, unknown>,
  upperCase: readonly string[] = [],
): string[] {
  if (!loaded) return [];
  return Object.entries(labels)
    .filter(([field]) => field in loaded)
    .filter(
      ([field]) => comparable(loaded[field], upperCase.includes(field)) !== comparable(current[field], upperCase.includes(field)),
    )
    .map(([, label]) => label);
}
