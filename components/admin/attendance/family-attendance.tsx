import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import type { FamilyAttendanceRow } from "@/lib/attendance/attendance";
import { ATTENDANCE_LABELS } from "@/lib/attendance/attendance-labels";
import { formatDay } from "@/lib/dates/calendar-day";

/** The family page's « Présences »: the last accepted days up to today and their pointage. */
export function FamilyAttendance({ rows }: { rows: FamilyAttendanceRow[] }) {
  return (
    <Panel title="Présences">
      {rows.length === 0 ? (
        <p className="text-muted">Aucune journée réservée jusqu&apos;à aujourd&apos;hui.</p>
      ) : (
        <DataTable
          className="w-full text-left text-sm"
          look="ruled"
          caption="Dernières journées réservées et leur pointage"
          columns={["Date", "Enfant", "Activité", "Réservation", "Pointage"]}
        >
          {rows.map((row) => (
            <tr key={row.reservationDayId} className="border-t border-gray-200">
              <td className="py-2 pr-3">{formatDay(row.date)}</td>
              <td className="py-2 pr-3">{row.child}</td>
              <td className="py-2 pr-3">
                {row.activity} – {row.unit}
              </td>
              <td className="py-2 pr-3">n° {row.reservationNumber}</td>
              <td className="py-2 pr-3">{row.status ? ATTENDANCE_LABELS[row.status] : "Non pointé"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Panel>
  );
}
