import { AUDIT_ACTION_LABELS, auditActionLabel, isAuditAction } from "./action-labels";
import type { AuditEntry } from "./audit-log";

// That every audited action has a label is checked by tsc: writeAudit's entry.action and the
// authentication events are typed as keys of AUDIT_ACTION_LABELS.
describe("the journal's French labels", () => {
  it("gives every action a distinct French label", () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    expect(labels.length).toBeGreaterThan(30);
    expect(labels.filter((label) => !/^[A-ZÀ-Ý][^\n]*\S$/.test(label))).toEqual([]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("shows an unknown code as is", () => {
    expect(auditActionLabel("child.health.read")).toBe("Consultation des données de santé d'un enfant");
    expect(auditActionLabel("inconnu.action")).toBe("inconnu.action");
    expect(auditActionLabel("toString")).toBe("toString");
    expect([isAuditAction("document.view"), isAuditAction("inconnu.action")]).toEqual([true, false]);
  });

  it("does not compile an audit entry whose action has no label", () => {
    const entry: AuditEntry = {
      // @ts-expect-error "inconnu.action" is not a key of AUDIT_ACTION_LABELS
      action: "inconnu.action",
    };
    expect(isAuditAction(entry.action)).toBe(false);
  });
});
