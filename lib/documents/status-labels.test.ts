import { DOCUMENT_STATUS_LABELS, STAFF_DOCUMENT_STATUS_LABELS, type DocumentStatusName } from "./status-labels";

// Issue #18: a document was « Transmis » for the parent and « À valider » for staff, with nothing
// to tell it was the same state. Each side keeps its wording, but shares the state's word.
describe("documents' states, as the parent and staff read them", () => {
  const shared: Record<DocumentStatusName, RegExp> = { SUBMITTED: /transmis/i, ACCEPTED: /^accepté$/i, REFUSED: /^refusé$/i };

  it.each(Object.keys(shared) as DocumentStatusName[])("names %s with the same word on both sides", (status) => {
    expect(DOCUMENT_STATUS_LABELS[status]).toMatch(shared[status]);
    expect(STAFF_DOCUMENT_STATUS_LABELS[status]).toMatch(shared[status]);
  });

  it("tells the parent a sent document waits for a check, and staff that they have one to do", () => {
    expect(DOCUMENT_STATUS_LABELS.SUBMITTED).toBe("Transmis – en attente de validation");
    expect(STAFF_DOCUMENT_STATUS_LABELS.SUBMITTED).toBe("À valider (transmis)");
  });
});
