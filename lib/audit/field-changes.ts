// What an edit changed, for an audit entry's details: the fields whose value differs, before
// and after. Pure; callers pass only fields that may appear in the journal (never health data).

export type AuditValue = string | number | boolean | null;
export type FieldChanges = { before: Record<string, AuditValue>; after: Record<string, AuditValue> };

/** The fields of `after` whose value differs from `before` (a missing value counts as null). */
export function fieldChanges(
  before: Record<string, AuditValue | undefined>,
  after: Record<string, AuditValue | undefined>,
): FieldChanges {
  const changes: FieldChanges = { before: {}, after: {} };
  for (const key of Object.keys(after)) {
    const old = before[key] ?? null;
    const next = after[key] ?? null;
    if (old !== next) {
      changes.before[key] = old;
      changes.after[key] = next;
    }
  }
  return changes;
}
