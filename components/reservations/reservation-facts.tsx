import type { ReactNode } from "react";

/**
 * The top of a reservation's recap (before confirming) and of its page: its referent child, its
 * other facts (`children`, list items), then its period.
 */
export function ReservationFacts({
  childName,
  period,
  children,
}: {
  childName: string;
  period: { establishment: string; activity: string; name: string };
  children: ReactNode;
}) {
  return (
    <>
      <ul className="list-disc pl-5">
        <li>
          Référent : <strong>{childName}</strong>
        </li>
        {children}
      </ul>
      <p className="font-semibold">
        {period.establishment} {period.activity} {period.name}
      </p>
    </>
  );
}
