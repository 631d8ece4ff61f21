import {
  DAY_STATUS_LABELS,
  STATUS_LABELS,
  type ReservationDayStatusName,
  type ReservationStatusName,
} from "@/lib/reservations/status-labels";

/** ✓ accepted, ✗ refused/cancelled/replaced, ⧗ pending — with the state as text for screen readers. */
export function StatusIcon({ status }: { status: ReservationStatusName }) {
  const icon = status === "ACCEPTED" ? "✓" : status === "PENDING" ? "⧗" : "✗";
  const color = status === "ACCEPTED" ? "text-green-800" : status === "PENDING" ? "text-amber-800" : "text-accent-dark";
  return (
    <span className={`font-bold ${color}`} title={STATUS_LABELS[status]}>
      <span aria-hidden="true">{icon}</span>
      <span className="sr-only">{STATUS_LABELS[status]}</span>
    </span>
  );
}

/** One line's state: the same icons, followed by the state in words ("✗ refusée"). */
export function DayStatus({ status }: { status: ReservationDayStatusName }) {
  const icon = status === "ACCEPTED" ? "✓" : status === "PENDING" ? "⧗" : "✗";
  const color = status === "ACCEPTED" ? "text-green-800" : status === "PENDING" ? "text-amber-800" : "text-accent-dark";
  return (
    <span>
      <span aria-hidden="true" className={`font-bold ${color}`}>
        {icon}
      </span>{" "}
      {DAY_STATUS_LABELS[status]}
    </span>
  );
}
