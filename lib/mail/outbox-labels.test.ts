import { mailKindLabel } from "./kind-labels";
import { formatDuration, jobLabel, mailStateLabel } from "./outbox-labels";

describe("the words of the page « Envois »", () => {
  it("names each state of a mail, a mail waiting for a new attempt after a failure apart", () => {
    expect(
      [
        { status: "PENDING", lastError: null },
        { status: "PENDING", lastError: "refusé" },
        { status: "SENDING", lastError: null },
        { status: "SENDING", lastError: "refusé" },
        { status: "SENT", lastError: null },
        { status: "FAILED", lastError: "refusé" },
      ].map((mail) => mailStateLabel(mail as Parameters<typeof mailStateLabel>[0])),
    ).toEqual([
      "En attente",
      "En attente d'un nouvel essai",
      "Envoi en cours",
      "Nouvel essai en cours",
      "Envoyé",
      "En échec, abandonné",
    ]);
  });

  it("shows an unknown job or kind by its code, an empty kind as « Autre »", () => {
    expect(jobLabel("daily-purge")).toMatch(/^Purges quotidiennes/);
    expect(jobLabel("toString")).toBe("toString");
    expect(mailKindLabel("reservation-confirmation")).toBe("Confirmation de réservation");
    expect(mailKindLabel("inconnu")).toBe("inconnu");
    expect(mailKindLabel("toString")).toBe("toString");
    expect(mailKindLabel("")).toBe("Autre");
  });

  it("formats a run's duration", () => {
    expect([420, 12_400, 185_000, 3_720_000].map(formatDuration)).toEqual(["0,4 s", "12 s", "3 min 05 s", "1 h 02 min"]);
  });
});
