// A reservation's status follows its lines (SPEC §6): en attente while any line waits;
// acceptée once at least one line is accepted and none waits; annulée when every line was
// cancelled (e.g. by a closure); refusée when every line is refused or cancelled.
export type LineStatus = "PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED";

/** The lines (and reservations) that hold a place: waiting for staff, or accepted. */
export const ACTIVE_STATUSES: ("PENDING" | "ACCEPTED")[] = ["PENDING", "ACCEPTED"];

export function reservationStatusFromLines(lines: LineStatus[]): "PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED" {
  if (lines.some((status) => status === "PENDING")) return "PENDING";
  if (lines.some((status) => status === "ACCEPTED")) return "ACCEPTED";
  if (lines.length > 0 && lines.every((status) => status === "CANCELLED")) return "CANCELLED";
  return "REFUSED";
}
