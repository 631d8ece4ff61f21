import type { Metadata } from "next";
import Link from "next/link";
import { staffPage } from "@/lib/auth/session";
import { listPeriods } from "@/lib/catalogue/catalogue";
import { dateToDay, formatDay } from "@/lib/dates/calendar-day";

export const metadata: Metadata = { title: "Catalogue" };

export default async function CataloguePage() {
  await staffPage();
  const periods = await listPeriods();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">Catalogue – périodes</h1>
      {periods.length === 0 ? (
        <p className="text-muted">Aucune période.</p>
      ) : (
        <table className="w-full bg-white text-left shadow">
          <thead className="bg-gray-100">
            <tr>
              <th scope="col" className="p-2">Établissement</th>
              <th scope="col" className="p-2">Activité</th>
              <th scope="col" className="p-2">Période</th>
              <th scope="col" className="p-2">Dates</th>
              <th scope="col" className="p-2">Validation</th>
              <th scope="col" className="p-2">Fermetures</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((period) => (
              <tr key={period.id} className="border-t border-gray-200">
                <td className="p-2">{period.establishment.name}</td>
                <td className="p-2">{period.activity.name}</td>
                <td className="p-2">
                  <Link href={`/admin/catalogue/periodes/${period.id}`} className="underline">
                    {period.name}
                  </Link>
                  {period.active ? "" : " (inactive)"}
                </td>
                <td className="p-2">
                  {formatDay(dateToDay(period.startDate))} → {formatDay(dateToDay(period.endDate))}
                </td>
                <td className="p-2">{period.validationMode === "MANUAL" ? "Manuelle" : "Automatique"}</td>
                <td className="p-2">{period._count.closures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
