// A reservation's status follows its lines (SPEC §6): en attente while any line waits;
// acceptée once at least one line is accepted and none waits; annulée when every line was
// cancelled (e.g. by a closure); refusée when every line is refused or cancelled.
import type { ReservationStateName, ReservationStatusName } from "./status-labels";

export type LineStatus = "PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED";

/** The lines (and reservations) that hold a place: waiting for staff, or accepted. */
export const ACTIVE_STATUSES: ("PENDING" | "ACCEPTED")[] = ["PENDING", "ACCEPTED"];

export function reservationStatusFromLines(lines: LineStatus[]): "PENDING" | "ACCEPTED" | "REFUSED" | "CANCELLED" {
  if (lines.some((status) => status === "PENDING")) return "PENDING";
  if (lines.some((status) => status === "ACCEPTED")) return "ACCEPTED";
  if (lines.length > 0 && lines.every((status) => status === "CANCELLED")) return "CANCELLED";
  return "REFUSED";
}

/** What a reservation shows as its state: its status, and how many of its days staff refused. */
export type ReservationState = { name: ReservationStateName; refusedDays: number };

/**
 * The one place a reservation's shown state is computed: an accepted reservation with refused
 * days is « Partiellement acceptée » (issue #18: « Réservation acceptée » hid a refused morning).
 * A pending one stays pending until staff have answered every day; the others keep their status.
 */
export function reservationState(status: ReservationStatusName, refusedDays: number): ReservationState {
  return { name: status === "ACCEPTED" && refusedDays > 0 ? "PARTIAL" : status, refusedDays };
}

/** The same, from the statuses of all of a reservation's days. */
export function reservationStateFromLines(status: ReservationStatusName, lines: LineStatus[]): ReservationState {
  return reservationState(status, lines.filter((line) => line === "REFUSED").length);
}

/** Prisma `select` fragment of a reservation: how many of its days were refused (for reservationState). */
export const REFUSED_DAYS_SELECT = { _count: { select: { days: { where: { status: "REFUSED" as const } } } } };
