// A child's class as the lists print it. The sheet keeps the level (CM2) and the class's own name,
// which schools often start with the level (« CM2 – Mme Vidal »): then the level is not repeated.

/** « CM2 – Mme Vidal » from CM2 and « CM2 – Mme Vidal »; « CE1 B » from CE1 and « B »; the level alone without a class. */
export function classLabel(level: string | null, schoolClass: string | null): string {
  const name = schoolClass?.trim() ?? "";
  if (!level) return name;
  if (!name) return level;
  const startsWithLevel = name.toUpperCase() === level || new RegExp(`^${level}(?![0-9A-Z])`, "i").test(name);
  return startsWithLevel ? name : `${level} ${name}`;
}
