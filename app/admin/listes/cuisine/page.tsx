import type { Metadata } from "next";

import { DailyListDateForm, DailyListTitleBar, InvalidDateAlert } from "@/components/admin/daily-list-toolbar";
import { queryString } from "@/components/admin/pagination";
import { DataTable } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/form/select-field";
import { staffPage } from "@/lib/auth/session";
import * as clock from "@/lib/clock";
import { formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";
import { parseDay, searchParamsText, type TSearchParams } from "@/lib/http/url-params";
import { kitchenCounts } from "@/lib/lists/daily-list";
import { dietLabel } from "@/lib/lists/list-csv";
import { ZKitchenQuerySchema } from "@/lib/lists/list.schema";

export async function generateMetadata({ searchParams }: { searchParams: Promise<TSearchParams> }): Promise<Metadata> {
  const query = await searchParams;
  const day = formatDay(parseDay(query.date) ?? clock.today());
  return { title: `Repas pour la cuisine – ${query.span === "week" ? `semaine du ${day}` : day}` };
}

const SPANS = [
  { value: "day", label: "Le jour" },
  { value: "week", label: "La semaine" },
];

export default async function KitchenPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await staffPage();
  const db = getDb();
  const params = searchParamsText(await searchParams);
  // A date typed by hand in the address that is not one shows today's counts, and says so.
  const asked = ZKitchenQuerySchema.safeParse({ date: params.date || clock.today(), span: params.span });
  const query = asked.success ? asked.data : ZKitchenQuerySchema.parse({ date: clock.today(), span: params.span });
  const counts = await kitchenCounts(db, viewer, query);
  return (
    <div className="space-y-4">
      {asked.success ? null : <InvalidDateAlert />}
      <DailyListTitleBar
        title={`Repas pour la cuisine – ${query.span === "week" ? `semaine du ${formatDay(counts.days[0])}` : formatDay(query.date)}`}
        csvHref={`/api/admin/listes${queryString({ vue: "cuisine", date: query.date, span: query.span })}`}
      />
      <DailyListDateForm action="/admin/listes/cuisine" idPrefix="kitchen" date={query.date}>
        <SelectField id="kitchen-span" label="Durée" name="span" defaultValue={query.span} options={SPANS} />
      </DailyListDateForm>
      <p>
        Total : <strong>{counts.total}</strong> repas
      </p>
      {counts.rows.length === 0 ? (
        <p className="text-muted">Aucun repas réservé.</p>
      ) : (
        <DataTable
          className="w-full bg-white text-left shadow"
          look="boxed"
          columns={["Établissement", ...counts.days.map((day) => ({ key: day, label: formatDay(day) })), "Total"]}
        >
          {counts.rows.map((row) => (
            <tr key={row.establishment} className="border-t border-gray-200 align-top">
              <th scope="row" className="p-2">
                {row.establishment}
              </th>
              {counts.days.map((day) => (
                <td key={day} className="p-2">
                  {counts.diets
                    .filter((diet) => row.perDay[day][diet])
                    .map((diet) => (
                      <span key={diet} className="block">
                        {dietLabel(diet)} : {row.perDay[day][diet]}
                        {row.flaggedPerDay[day][diet] ? (
                          <strong className="block pl-3">dont PAI / allergie : {row.flaggedPerDay[day][diet]}</strong>
                        ) : null}
                      </span>
                    ))}
                </td>
              ))}
              <td className="p-2 font-bold">{row.total}</td>
            </tr>
          ))}
          <tr className="border-t-2 border-gray-400">
            <th scope="row" className="p-2">
              Total
            </th>
            {counts.days.map((day) => (
              <td key={day} className="p-2 font-bold">
                {counts.totalsPerDay[day]}
              </td>
            ))}
            <td className="p-2 font-bold">{counts.total}</td>
          </tr>
        </DataTable>
      )}
    </div>
  );
}
