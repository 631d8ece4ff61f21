// An audit entry as the journal shows it, in plain French: a sentence for the actions staff read
// most (« Réservation n° 000002 – 17/12 MATIN refusée – motif : … »), and for the others one line
// per detail, « Champ : avant → après » for an edit and « Champ : valeur » otherwise. Internal
// ids never show: a value that is one is left out (the entry's family is a link of its own).

import { formatDay, isCalendarDay } from "@/lib/dates/calendar-day";

const MAX_VALUE = 120;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The French name of the detail keys the portal writes; a key not listed is shown as written. */
const KEY_LABELS: Record<string, string> = {
  address: "Adresse",
  billExcusedAbsence: "Absence excusée facturée",
  cancelledLines: "Journées annulées",
  capacity: "Capacité",
  children: "Enfants",
  code: "Code",
  context: "Contexte",
  date: "Date",
  dates: "Dates",
  daysUpdated: "Jours mis à jour",
  email: "E-mail",
  endTime: "Fin",
  from: "Avant",
  kind: "Type",
  label: "Libellé",
  message: "Message",
  mimeType: "Type de fichier",
  name: "Nom",
  published: "Publiée",
  quotientFamilial: "Quotient familial",
  reason: "Motif",
  role: "Rôle",
  size: "Taille (octets)",
  startTime: "Début",
  title: "Titre",
  to: "Après",
  townName: "Nom de la commune",
};

const label = (key: string) => KEY_LABELS[key] ?? key;
const isInternalId = (key: string, value: unknown) =>
  /(^id|Id|Ids)$/.test(key) || (typeof value === "string" && UUID.test(value));

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value === true) return "oui";
  if (value === false) return "non";
  let text: string;
  if (typeof value === "string") text = isCalendarDay(value) ? formatDay(value) : value;
  else if (typeof value === "number") text = String(value);
  else if (Array.isArray(value))
    text = value
      .filter((item) => !(typeof item === "string" && UUID.test(item)))
      .map(show)
      .join(", ");
  else if (isRecord(value))
    text = Object.entries(value)
      .map(([key, item]) => `${label(key)} ${show(item)}`)
      .join(", ");
  else text = String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function describeAuditDetails(details: unknown): string[] {
  if (details === null || details === undefined) return [];
  if (!isRecord(details)) return [show(details)];
  const lines: string[] = [];
  const { before, after, ...rest } = details;
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (isInternalId(key, before[key]) || isInternalId(key, after[key])) continue;
      if (show(before[key]) !== show(after[key])) lines.push(`${label(key)} : ${show(before[key])} → ${show(after[key])}`);
    }
    if (lines.length === 0) lines.push("aucune modification");
  } else {
    if (before !== undefined) rest.before = before;
    if (after !== undefined) rest.after = after;
  }
  for (const [key, value] of Object.entries(rest)) {
    if (isInternalId(key, value)) continue;
    if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string" && UUID.test(item))) continue;
    lines.push(`${label(key)} : ${show(value)}`);
  }
  return lines;
}

/** What the journal knows about the reservations its entries name (read by lib/audit/journal.ts). */
export type AuditReferences = {
  reservations: Map<string, { number: string }>;
  /** Reservation days by id: « 17/12 MATIN ». */
  days: Map<string, { date: string; unit: string }>;
};

const shortDay = (day: string) => formatDay(day).slice(0, 5);

/** An entry's lines: for reservation decisions, pointage and list views, one sentence first; then the other details. */
export function describeAuditEntry(
  entry: { action: string; targetId: string | null; details: unknown },
  references: AuditReferences,
): string[] {
  const details = isRecord(entry.details) ? entry.details : {};
  if (entry.action === "reservation.accept" || entry.action === "reservation.refuse") {
    const refused = entry.action === "reservation.refuse";
    const number = entry.targetId ? references.reservations.get(entry.targetId)?.number : undefined;
    const lineIds = Array.isArray(details.lines) ? details.lines.filter((id): id is string => typeof id === "string") : [];
    const days = lineIds.flatMap((id) => {
      const day = references.days.get(id);
      return day ? [`${shortDay(day.date)} ${day.unit}`] : [];
    });
    const unknown = lineIds.length - days.length;
    const what = [...days, ...(unknown ? [`${unknown} journée(s) supprimée(s) depuis`] : [])].join(", ");
    const plural = lineIds.length > 1 ? "s" : "";
    const message = typeof details.message === "string" && details.message.trim() ? details.message.trim() : null;
    return [
      [
        `Réservation n° ${number ?? "(supprimée)"}`,
        `${what || "journées"} ${refused ? `refusée${plural}` : `acceptée${plural}`}`,
        ...(message ? [`${refused ? "motif" : "message"} : ${message}`] : []),
      ].join(" – "),
    ];
  }
  if (entry.action === "attendance.mark" || entry.action === "attendance.correct") {
    const date = typeof details.date === "string" && isCalendarDay(details.date) ? shortDay(details.date) : "";
    const previous = typeof details.previous === "string" ? ` (avant : ${details.previous})` : "";
    return [
      `Réservation n° ${show(details.reservation)} – ${date} ${show(details.unit)} – ${show(details.child)} : ${show(details.status)}${previous}`,
    ];
  }
  if (entry.action === "daily-list.view") {
    const date = typeof details.date === "string" && isCalendarDay(details.date) ? formatDay(details.date) : "";
    return [`Liste du ${date} – ${show(details.children)} enfant(s)`];
  }
  return describeAuditDetails(entry.details);
}
