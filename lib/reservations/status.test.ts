import { reservationStatusFromLines } from "./status";

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
