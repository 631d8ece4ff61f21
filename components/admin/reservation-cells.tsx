import Link from "next/link";

/**
 * A reservation's number linking to its staff page, named « Réservation n° … » for screen readers
 * (the back office's tables, the family page and the queue). `number` is already formatted.
 */
export function ReservationNumberLink({
  id,
  number,
  className = "font-semibold text-brand underline",
}: {
  id: string;
  number: string;
  className?: string;
}) {
  return (
    <Link href={`/admin/reservations/${id}`} aria-label={`Réservation n° ${number}`} className={className}>
      {number}
    </Link>
  );
}

/** The places left on a day: « 3/12 places » on screen, « 3 places libres sur 12 » read out. */
export function PlacesLeft({ places }: { places: { free: number; capacity: number } }) {
  return (
    <>
      <span aria-hidden="true">
        {places.free}/{places.capacity} places
      </span>
      <span className="sr-only">
        {places.free} places libres sur {places.capacity}
      </span>
    </>
  );
}

/** A reservation's first and last day: « 01/12/2026 → 18/12/2026 » (the last only when given). */
export function DayRange({ first, last }: { first: string | null; last: string | null }) {
  return (
    <>
      {first ?? ""}
      {last ? ` → ${last}` : ""}
    </>
  );
}
