import fs from "node:fs";
import path from "node:path";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "./action-labels";

/** Every action code written by the product: the string literals on `action:` lines of lib/. */
function auditedActions(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") && full !== __filename.replace(/\.test\.ts$/, ".ts")) {
        for (const line of fs.readFileSync(full, "utf8").split("\n")) {
          if (!/\baction: /.test(line)) continue;
          const actionPart = line.slice(line.search(/\baction: /)).split(/, (?:familyId|childId|targetType|details)\b/)[0];
          for (const match of actionPart.matchAll(/"((?:[a-z-]+\.)+[a-z-]+)"/g)) found.add(match[1]);
        }
      }
    }
  };
  walk(path.join(__dirname, ".."));
  return found;
}

describe("the journal's French labels", () => {
  it("has a label for every audited action the product writes", () => {
    const actions = auditedActions();
    expect(actions.size).toBeGreaterThan(30);
    expect([...actions].filter((action) => !(action in AUDIT_ACTION_LABELS))).toEqual([]);
  });

  it("shows an unknown code as is", () => {
    expect(auditActionLabel("child.health.read")).toBe("Consultation des données de santé d'un enfant");
    expect(auditActionLabel("inconnu.action")).toBe("inconnu.action");
  });
});
