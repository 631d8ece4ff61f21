// An audit entry's details as the journal shows them: one short French-readable line per item,
// "champ : avant → après" for an edit's before/after, "clé : valeur" otherwise.

const MAX_VALUE = 120;

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value === true) return "oui";
  if (value === false) return "non";
  const text = typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
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
      if (show(before[key]) !== show(after[key])) lines.push(`${key} : ${show(before[key])} → ${show(after[key])}`);
    }
    if (lines.length === 0) lines.push("aucune modification");
  } else {
    if (before !== undefined) rest.before = before;
    if (after !== undefined) rest.after = after;
  }
  for (const [key, value] of Object.entries(rest)) lines.push(`${key} : ${show(value)}`);
  return lines;
}
