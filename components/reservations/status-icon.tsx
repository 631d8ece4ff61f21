import {
  DAY_STATUS_LABELS,
  refusedDaysLabel,
  STATUS_LABELS,
  type ReservationDayStatusName,
  type ReservationStateName,
} from "@/lib/reservations/status-labels";

// ✓ accepted, ◐ partly accepted, ✗ refused/cancelled/replaced, ⧗ pending.
const ICONS: Record<ReservationStateName, { icon: string; color: string }> = {
  ACCEPTED: { icon: "✓", color: "text-green-800" },
  PARTIAL: { icon: "◐", color: "text-amber-800" },
  PENDING: { icon: "⧗", color: "text-amber-800" },
  REFUSED: { icon: "✗", color: "text-accent-dark" },
  CANCELLED: { icon: "✗", color: "text-accent-dark" },
  REPLACED: { icon: "✗", color: "text-accent-dark" },
};

/**
 * A reservation's state (reservationState): its icon and its name, and for « Partiellement
 * acceptée » how many days were refused.
 */
export function StateBadge({ state }: { state: { name: ReservationStateName; refusedDays: number } }) {
  const { icon, color } = ICONS[state.name];
  return (
    <span className="font-semibold">
      <span aria-hidden="true" className={`font-bold ${color}`}>
        {icon}
      </span>{" "}
      {STATUS_LABELS[state.name]}
      {state.name === "PARTIAL" ? <span className="font-normal"> ({refusedDaysLabel(state.refusedDays)})</span> : null}
    </span>
  );
}

/** One line's state: the same icons, followed by the state in words ("✗ refusée"). */
export function DayStatus({ status }: { status: ReservationDayStatusName }) {
  const { icon, color } = ICONS[status];
  return (
    <span>
      <span aria-hidden="true" className={`font-bold ${color}`}>
        {icon}
      </span>{" "}
      {DAY_STATUS_LABELS[status]}
    </span>
  );
}
