"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatusName } from "@/lib/attendance/attendance-labels";
import type { ActionResult } from "@/lib/auth/action";

export type MarkAttendanceAction = (input: {
  reservationDayId: string;
  status: AttendanceStatusName;
}) => Promise<ActionResult<unknown>>;

const PRESSED: Record<AttendanceStatusName, string> = {
  PRESENT: "border-green-800 bg-green-800 text-white",
  ABSENT: "border-accent-dark bg-accent-dark text-white",
  ABSENT_EXCUSE: "border-amber-800 bg-amber-800 text-white",
};

/**
 * Pointage of one child on one day, sized for a finger on a tablet: three toggle buttons, the
 * current mark pressed. A refusal (a day an agent may no longer correct) is announced.
 */
export function AttendanceButtons({
  reservationDayId,
  childName,
  status,
  action,
}: {
  reservationDayId: string;
  childName: string;
  status: AttendanceStatusName | null;
  action: MarkAttendanceAction;
}) {
  const router = useRouter();
  const [current, setCurrent] = useState(status);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function mark(next: AttendanceStatusName) {
    setError(null);
    startTransition(async () => {
      const result = await action({ reservationDayId, status: next });
      if (result.ok) {
        setCurrent(next);
        router.refresh();
      } else setError(result.error);
    });
  }

  return (
    <div>
      <div role="group" aria-label={`Pointage de ${childName}`} className="flex flex-wrap gap-1">
        {ATTENDANCE_STATUSES.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={current === option}
            disabled={pending}
            onClick={() => mark(option)}
            className={`min-h-11 rounded border px-3 py-2 text-sm font-semibold disabled:opacity-70 ${
              current === option ? PRESSED[option] : "border-gray-500 bg-white text-gray-900"
            }`}
          >
            {ATTENDANCE_LABELS[option]}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-accent-dark">
          {error}
        </p>
      ) : null}
    </div>
  );
}
