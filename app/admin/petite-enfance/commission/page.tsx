import type { Metadata } from "next";
import Link from "next/link";

import { StaffCommissionSessionForm } from "@/components/early-childhood/staff-commission-forms";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { dateToDay, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { listCommissionSessions } from "@/lib/early-childhood/commission";

import { createCommissionAction } from "./actions";

export const metadata: Metadata = { title: "Commission petite enfance" };

export default async function CommissionsPage() {
  const viewer = await staffPage();
  const sessions = await listCommissionSessions(getDb(), viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Commission petite enfance" back={{ href: "/admin/petite-enfance", label: "Petite enfance" }} />
      <Panel title="Nouvelle commission">
        <StaffCommissionSessionForm action={createCommissionAction} today={clock.today()} />
      </Panel>
      <Panel title="Commissions">
        {sessions.length === 0 ? (
          <p className="text-muted">Aucune commission.</p>
        ) : (
          <DataTable
            className="w-full text-left"
            caption="Commissions, de la plus récente à la plus ancienne"
            look="ruled"
            columns={["Date", "Places comptées au", "Décisions"]}
          >
            {sessions.map((session) => (
              <tr key={session.id} className="border-b border-gray-200">
                <td className="py-2 pr-3">
                  <Link
                    href={`/admin/petite-enfance/commission/${session.id}`}
                    className="text-brand underline hover:no-underline"
                  >
                    Commission du {formatDay(dateToDay(session.sessionDate))}
                  </Link>
                </td>
                <td className="py-2 pr-3">{formatDay(dateToDay(session.placesDate))}</td>
                <td className="py-2">{session._count.decisions}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
    </div>
  );
}
