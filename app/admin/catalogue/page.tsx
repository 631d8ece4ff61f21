import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listPeriods } from "@/lib/catalogue/catalogue";
import { listActivities, listEstablishments } from "@/lib/catalogue/catalogue-admin";
import { dateToDay, formatDay } from "@/lib/dates/calendar-day";

export const metadata: Metadata = { title: "Catalogue" };

const createLink = "inline-block rounded bg-white px-3 py-1 font-semibold text-brand hover:bg-blue-50";
const cell = "p-2";

export default async function CataloguePage() {
  await staffPage();
  const [periods, establishments, activities] = await Promise.all([listPeriods(), listEstablishments(), listActivities()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Catalogue</h1>
      <nav aria-label="Sections du catalogue">
        <ul className="flex flex-wrap gap-4">
          <li><a href="#periodes" className="underline">Périodes ({periods.length})</a></li>
          <li><a href="#etablissements" className="underline">Établissements ({establishments.length})</a></li>
          <li><a href="#activites" className="underline">Activités ({activities.length})</a></li>
          <li><Link href="/admin/catalogue/tranches" className="underline">Tranches de quotient familial</Link></li>
        </ul>
      </nav>

      <div id="periodes" className="scroll-mt-4">
        <Panel title="Périodes" actions={<Link href="/admin/catalogue/periodes/nouvelle" className={createLink}>Créer une période</Link>}>
          {periods.length === 0 ? (
            <p className="text-muted">Aucune période. Créez d&apos;abord un établissement et une activité, puis une période.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left">
                <thead className="bg-gray-100">
                  <tr>
                    <th scope="col" className={cell}>Établissement</th>
                    <th scope="col" className={cell}>Activité</th>
                    <th scope="col" className={cell}>Période</th>
                    <th scope="col" className={cell}>Dates</th>
                    <th scope="col" className={cell}>Validation</th>
                    <th scope="col" className={cell}>Fermetures</th>
                  </tr>
                </thead>
                <tbody>
                  {periods.map((period) => (
                    <tr key={period.id} className="border-t border-gray-200">
                      <td className={cell}>{period.establishment.name}</td>
                      <td className={cell}>{period.activity.name}</td>
                      <td className={cell}>
                        <Link href={`/admin/catalogue/periodes/${period.id}`} className="underline">
                          {period.name}
                        </Link>
                        {period.active ? "" : " (inactive)"}
                      </td>
                      <td className={cell}>
                        {formatDay(dateToDay(period.startDate))} → {formatDay(dateToDay(period.endDate))}
                      </td>
                      <td className={cell}>{period.validationMode === "MANUAL" ? "Manuelle" : "Automatique"}</td>
                      <td className={cell}>{period._count.closures}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
      </div>

      <div id="etablissements" className="scroll-mt-4">
        <Panel title="Établissements" actions={<Link href="/admin/catalogue/etablissements/nouveau" className={createLink}>Créer un établissement</Link>}>
          {establishments.length === 0 ? (
            <p className="text-muted">Aucun établissement.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left">
                <thead className="bg-gray-100">
                  <tr>
                    <th scope="col" className={cell}>Nom</th>
                    <th scope="col" className={cell}>École</th>
                    <th scope="col" className={cell}>Adresse</th>
                    <th scope="col" className={cell}>Périodes</th>
                    <th scope="col" className={cell}>État</th>
                    <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {establishments.map((establishment) => (
                    <tr key={establishment.id} className="border-t border-gray-200">
                      <td className={cell}>{establishment.name}</td>
                      <td className={cell}>{establishment.school?.name ?? "—"}</td>
                      <td className={cell}>{establishment.address ?? "—"}</td>
                      <td className={cell}>{establishment._count.periods}</td>
                      <td className={cell}>{establishment.active ? "Actif" : "Inactif"}</td>
                      <td className={cell}>
                        <Link href={`/admin/catalogue/etablissements/${establishment.id}`} className="underline" aria-label={`Modifier l'établissement ${establishment.name}`}>
                          Modifier
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
      </div>

      <div id="activites" className="scroll-mt-4">
        <Panel title="Activités" actions={<Link href="/admin/catalogue/activites/nouvelle" className={createLink}>Créer une activité</Link>}>
          {activities.length === 0 ? (
            <p className="text-muted">Aucune activité.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left">
                <thead className="bg-gray-100">
                  <tr>
                    <th scope="col" className={cell}>Code</th>
                    <th scope="col" className={cell}>Nom</th>
                    <th scope="col" className={cell}>Paiement en ligne</th>
                    <th scope="col" className={cell}>Ordre</th>
                    <th scope="col" className={cell}>Périodes</th>
                    <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {activities.map((activity) => (
                    <tr key={activity.id} className="border-t border-gray-200">
                      <td className={cell}>{activity.code}</td>
                      <td className={cell}>{activity.name}</td>
                      <td className={cell}>{activity.onlinePayment ? "Oui" : "Non"}</td>
                      <td className={cell}>{activity.sortOrder}</td>
                      <td className={cell}>{activity._count.periods}</td>
                      <td className={cell}>
                        <Link href={`/admin/catalogue/activites/${activity.id}`} className="underline" aria-label={`Modifier l'activité ${activity.name}`}>
                          Modifier
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
      </div>
    </div>
  );
}
