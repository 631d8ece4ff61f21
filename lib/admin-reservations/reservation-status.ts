// A reservation's status follows its lines (SPEC §6): en attente while any line waits;
// acceptée once at least one line is accepted and none waits; refusée when every line is
// refused or cancelled.
export type LineStatus = "PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED";

export function reservationStatusFromLines(lines: LineStatus[]): "PENDING" | "ACCEPTED" | "REFUSED" {
  if (lines.some((status) => status === "PENDING")) return "PENDING";
  if (lines.some((status) => status === "ACCEPTED")) return "ACCEPTED";
  return "REFUSED";
}
