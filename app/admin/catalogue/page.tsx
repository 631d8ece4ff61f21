import type { Metadata } from "next";
import Link from "next/link";

import { Panel } from "@/components/ui/panel";
import { staffPage } from "@/lib/auth/session";
import { listPeriods } from "@/lib/catalogue/catalogue";
import { listActivities, listEstablishments } from "@/lib/catalogue/catalogue-admin";
import { VALIDATION_MODE_LABELS } from "@/lib/catalogue/validation-mode-labels";
import { dateToDay, formatDay } from "@/lib/dates/calendar-day";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Catalogue" };

const createLink = "inline-block rounded bg-white px-3 py-1 font-semibold text-brand hover:bg-blue-50";
const cell = "p-2";
const ACTIONS = <span className="sr-only">Actions</span>;

/** One list of the hub: its panel, its « Créer … » button, its empty state, its table. */
function CatalogueSection(props: {
  id: string;
  title: string;
  create: { href: string; label: string };
  empty: string;
  headers: React.ReactNode[];
  count: number;
  children: React.ReactNode;
}) {
  return (
    <div id={props.id} className="scroll-mt-4">
      <Panel
        title={props.title}
        actions={
          <Link href={props.create.href} className={createLink}>
            {props.create.label}
          </Link>
        }
      >
        {props.count === 0 ? (
          <p className="text-muted">{props.empty}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <thead className="bg-gray-100">
                <tr>
                  {props.headers.map((header, index) => (
                    <th key={index} scope="col" className={cell}>
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{props.children}</tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}

function EditLink({ href, label }: { href: string; label: string }) {
  return (
    <td className={cell}>
      <Link href={href} className="underline" aria-label={label}>
        Modifier
      </Link>
    </td>
  );
}

export default async function CataloguePage() {
  const viewer = await staffPage();
  const db = getDb();
  const [periods, establishments, activities] = await Promise.all([listPeriods(db), listEstablishments(db), listActivities(db)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-brand">Catalogue</h1>
      <nav aria-label="Sections du catalogue">
        <ul className="flex flex-wrap gap-4">
          <li>
            <a href="#periodes" className="underline">
              Périodes ({periods.length})
            </a>
          </li>
          <li>
            <a href="#etablissements" className="underline">
              Établissements ({establishments.length})
            </a>
          </li>
          <li>
            <a href="#activites" className="underline">
              Activités ({activities.length})
            </a>
          </li>
          <li>
            <Link href="/admin/catalogue/ecoles" className="underline">
              Écoles
            </Link>
          </li>
          <li>
            <Link href="/admin/catalogue/tranches" className="underline">
              Tranches de quotient familial
            </Link>
          </li>
          {viewer.role === "ADMIN" ? (
            <li>
              <Link href="/admin/catalogue/regies" className="underline">
                Régies
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>

      <CatalogueSection
        id="periodes"
        title="Périodes"
        create={{ href: "/admin/catalogue/periodes/nouvelle", label: "Créer une période" }}
        empty="Aucune période. Créez d'abord un établissement et une activité, puis une période."
        headers={["Établissement", "Activité", "Période", "Dates", "Validation", "Fermetures"]}
        count={periods.length}
      >
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
            <td className={cell}>{VALIDATION_MODE_LABELS[period.validationMode]}</td>
            <td className={cell}>{period._count.closures}</td>
          </tr>
        ))}
      </CatalogueSection>

      <CatalogueSection
        id="etablissements"
        title="Établissements"
        create={{ href: "/admin/catalogue/etablissements/nouveau", label: "Créer un établissement" }}
        empty="Aucun établissement."
        headers={["Nom", "École", "Adresse", "Périodes", "État", ACTIONS]}
        count={establishments.length}
      >
        {establishments.map((establishment) => (
          <tr key={establishment.id} className="border-t border-gray-200">
            <td className={cell}>{establishment.name}</td>
            <td className={cell}>{establishment.school?.name ?? "—"}</td>
            <td className={cell}>{establishment.address ?? "—"}</td>
            <td className={cell}>{establishment._count.periods}</td>
            <td className={cell}>{establishment.active ? "Actif" : "Inactif"}</td>
            <EditLink
              href={`/admin/catalogue/etablissements/${establishment.id}`}
              label={`Modifier l'établissement ${establishment.name}`}
            />
          </tr>
        ))}
      </CatalogueSection>

      <CatalogueSection
        id="activites"
        title="Activités"
        create={{ href: "/admin/catalogue/activites/nouvelle", label: "Créer une activité" }}
        empty="Aucune activité."
        headers={["Code", "Nom", "Régie", "Ordre", "Périodes", ACTIONS]}
        count={activities.length}
      >
        {activities.map((activity) => (
          <tr key={activity.id} className="border-t border-gray-200">
            <td className={cell}>{activity.code}</td>
            <td className={cell}>{activity.name}</td>
            <td className={cell}>{activity.regie?.name ?? "Aucune"}</td>
            <td className={cell}>{activity.sortOrder}</td>
            <td className={cell}>{activity._count.periods}</td>
            <EditLink href={`/admin/catalogue/activites/${activity.id}`} label={`Modifier l'activité ${activity.name}`} />
          </tr>
        ))}
      </CatalogueSection>
    </div>
  );
}
