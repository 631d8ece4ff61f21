import { reservationState, reservationStateFromLines, reservationStatusFromLines } from "./status";
import { STAFF_STATUS_LABELS, stateLabel } from "./status-labels";

describe("reservationStatusFromLines", () => {
  it("stays pending while any line waits", () => {
    expect(reservationStatusFromLines(["ACCEPTED", "PENDING", "REFUSED"])).toBe("PENDING");
  });
  it("is accepted once one line is accepted and none waits", () => {
    expect(reservationStatusFromLines(["ACCEPTED", "REFUSED", "CANCELLED"])).toBe("ACCEPTED");
  });
  it("is refused when every line is refused or cancelled", () => {
    expect(reservationStatusFromLines(["REFUSED", "CANCELLED"])).toBe("REFUSED");
  });
  it("is cancelled when every line was cancelled", () => {
    expect(reservationStatusFromLines(["CANCELLED", "CANCELLED"])).toBe("CANCELLED");
  });
});

describe("reservationState", () => {
  it("is « Partiellement acceptée » when an accepted reservation has refused days, with their count", () => {
    expect(reservationState("ACCEPTED", 1)).toEqual({ name: "PARTIAL", refusedDays: 1 });
    expect(stateLabel(reservationState("ACCEPTED", 1))).toBe("Partiellement acceptée (1 journée refusée)");
    expect(stateLabel(reservationState("ACCEPTED", 3), STAFF_STATUS_LABELS)).toBe("Partiellement acceptée (3 journées refusées)");
  });
  it("stays accepted when no day was refused", () => {
    expect(reservationState("ACCEPTED", 0).name).toBe("ACCEPTED");
    expect(stateLabel(reservationState("ACCEPTED", 0))).toBe("Réservation acceptée");
  });
  it("keeps the other statuses, refused days or not", () => {
    expect(reservationState("PENDING", 1).name).toBe("PENDING");
    expect(reservationState("REFUSED", 2).name).toBe("REFUSED");
    expect(reservationState("REPLACED", 1).name).toBe("REPLACED");
    expect(reservationState("CANCELLED", 0).name).toBe("CANCELLED");
  });
  it("counts the refused days among the lines, not the cancelled ones", () => {
    expect(reservationStateFromLines("ACCEPTED", ["ACCEPTED", "REFUSED", "CANCELLED", "REFUSED"])).toEqual({
      name: "PARTIAL",
      refusedDays: 2,
    });
    expect(reservationStateFromLines("ACCEPTED", ["ACCEPTED", "CANCELLED"])).toEqual({ name: "ACCEPTED", refusedDays: 0 });
  });
});
