import type { Metadata } from "next";
import Link from "next/link";

import { PsuYearForm } from "@/components/early-childhood/psu-year-form";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { formatAmount } from "@/lib/billing/invoice-state";
import { formatEuros } from "@/lib/catalogue/unit-rules";
import * as clock from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { formatEffortRate } from "@/lib/early-childhood/psu";
import { listFamilyResources, listPsuYears } from "@/lib/early-childhood/psu-values";
import type { TSearchParams } from "@/lib/http/url-params";

import { savePsuYearAction } from "./actions";

// « Barème PSU » (issue #15 point 5): the CAF's values per year (administrators edit them) and
// the families' resources entered for a year (agents enter them from a contract's page).

export const metadata: Metadata = { title: "Barème PSU" };

const rateText = (millionths: number) => formatEffortRate(millionths).replace(" %", "");

export default async function PsuPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const viewer = await staffPage();
  const db = getDb();
  const params = await searchParams;
  const currentYear = Number(clock.today().slice(0, 4));
  const asked = Number(typeof params.annee === "string" ? params.annee : NaN);
  const year = Number.isInteger(asked) && asked >= 2020 && asked <= 2100 ? asked : currentYear;
  const [years, resources] = await Promise.all([listPsuYears(db, viewer), listFamilyResources(db, viewer, year)]);
  const shown = years.find((row) => row.year === year) ?? years[0] ?? null;

  return (
    <div className="space-y-6">
      <PageHeader title="Barème PSU" back={{ href: "/admin/petite-enfance/contrats", label: "Contrats de crèche" }} />
      <p>
        Tarif horaire d&apos;une famille = ressources mensuelles (ressources annuelles de l&apos;année N-2 ÷ 12, entre le plancher
        et le plafond de l&apos;année) × taux d&apos;effort selon le nombre d&apos;enfants à charge (un rang en dessous avec
        l&apos;AEEH). Vérifiez chaque année les valeurs de la circulaire de la CNAF.
      </p>
      <Panel title="Barème par année">
        {years.length === 0 ? (
          <p>Aucune année saisie : sans barème, les contrats ne sont pas facturés.</p>
        ) : (
          <div className="overflow-x-auto">
            <DataTable
              className="w-full text-left"
              caption="Plancher, plafond et taux d'effort horaires"
              look="boxed"
              columns={[
                "Année",
                "Plancher",
                "Plafond",
                "1 enfant",
                "2 enfants",
                "3 enfants",
                "4 à 7 enfants",
                "8 enfants et plus",
              ]}
            >
              {years.map((row) => (
                <tr key={row.year} className="border-t border-gray-200">
                  <td className="p-2">
                    <Link href={`/admin/petite-enfance/facturation?annee=${row.year}`} className="text-brand underline">
                      {row.year}
                    </Link>
                  </td>
                  <td className="p-2">{formatAmount(row.floorCents)}</td>
                  <td className="p-2">{formatAmount(row.ceilingCents)}</td>
                  <td className="p-2">{formatEffortRate(row.rateOneChild)}</td>
                  <td className="p-2">{formatEffortRate(row.rateTwoChildren)}</td>
                  <td className="p-2">{formatEffortRate(row.rateThreeChildren)}</td>
                  <td className="p-2">{formatEffortRate(row.rateFourChildren)}</td>
                  <td className="p-2">{formatEffortRate(row.rateEightChildren)}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Panel>
      {viewer.role === "ADMIN" ? (
        <Panel title="Saisir ou modifier une année">
          <PsuYearForm
            key={shown?.year ?? year}
            action={savePsuYearAction}
            defaults={
              shown
                ? {
                    year,
                    floor: formatEuros(shown.floorCents),
                    ceiling: formatEuros(shown.ceilingCents),
                    rateOneChild: rateText(shown.rateOneChild),
                    rateTwoChildren: rateText(shown.rateTwoChildren),
                    rateThreeChildren: rateText(shown.rateThreeChildren),
                    rateFourChildren: rateText(shown.rateFourChildren),
                    rateEightChildren: rateText(shown.rateEightChildren),
                  }
                : {
                    year,
                    floor: "",
                    ceiling: "",
                    rateOneChild: "",
                    rateTwoChildren: "",
                    rateThreeChildren: "",
                    rateFourChildren: "",
                    rateEightChildren: "",
                  }
            }
          />
        </Panel>
      ) : (
        <p>Le barème est saisi par un administrateur.</p>
      )}
      <Panel title={`Ressources des familles – ${year}`}>
        {resources.length === 0 ? (
          <p>
            Aucune famille n&apos;a de ressources saisies pour {year} : ses contrats sont facturés au plafond. Saisissez-les
            depuis la page du contrat.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <DataTable
              className="w-full text-left"
              caption={`Ressources ${year - 2} saisies pour ${year}`}
              look="boxed"
              columns={["Famille", "Ressources annuelles", "Enfants à charge", "AEEH", "Tarif horaire", "Action"]}
            >
              {resources.map((row) => (
                <tr key={row.familyId} className="border-t border-gray-200">
                  <td className="p-2">{row.familyName}</td>
                  <td className="p-2">{formatAmount(row.annualResourcesCents)}</td>
                  <td className="p-2">{row.dependentChildren}</td>
                  <td className="p-2">{row.aeeh ? "Oui" : "Non"}</td>
                  <td className="p-2">
                    {row.hourlyRateCents === null ? "Barème manquant" : `${formatAmount(row.hourlyRateCents)}/h`}
                  </td>
                  <td className="p-2">
                    <Link
                      href={`/admin/petite-enfance/facturation/ressources?famille=${row.familyId}&annee=${year}`}
                      className="text-brand underline"
                    >
                      Modifier<span className="sr-only"> les ressources de la famille {row.familyName}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Panel>
    </div>
  );
}
