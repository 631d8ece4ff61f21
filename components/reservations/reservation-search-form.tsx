import { STATUS_LABELS, type ReservationStatusName } from "@/lib/reservations/status-labels";

type Props = {
  options: { children: { id: string; name: string }[]; establishments: { id: string; name: string }[]; periods: string[] };
  values: { enfant?: string; etablissement?: string; periode?: string; etat?: string };
};

const select = "mt-1 w-full rounded border border-gray-400 bg-white px-2 py-2";

/** "Renseignez les champs à l'aide des menus déroulants selon vos critères de recherche, puis cliquez sur RECHERCHER." */
export function ReservationSearchForm({ options, values }: Props) {
  return (
    <form method="get" action="/espace/reservations" role="search" aria-label="Rechercher une réservation" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      <div>
        <label htmlFor="search-child" className="block text-sm font-semibold">Enfant</label>
        <select id="search-child" name="enfant" defaultValue={values.enfant ?? ""} className={select}>
          <option value="">Tous</option>
          {options.children.map((child) => (
            <option key={child.id} value={child.id}>{child.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="search-establishment" className="block text-sm font-semibold">Établissement</label>
        <select id="search-establishment" name="etablissement" defaultValue={values.etablissement ?? ""} className={select}>
          <option value="">Tous</option>
          {options.establishments.map((establishment) => (
            <option key={establishment.id} value={establishment.id}>{establishment.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="search-period" className="block text-sm font-semibold">Période</label>
        <select id="search-period" name="periode" defaultValue={values.periode ?? ""} className={select}>
          <option value="">Toutes</option>
          {options.periods.map((period) => (
            <option key={period} value={period}>{period}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="search-state" className="block text-sm font-semibold">État</label>
        <select id="search-state" name="etat" defaultValue={values.etat ?? ""} className={select}>
          <option value="">Tous</option>
          {(Object.keys(STATUS_LABELS) as ReservationStatusName[]).map((status) => (
            <option key={status} value={status}>{STATUS_LABELS[status]}</option>
          ))}
        </select>
      </div>
      <div className="flex items-end">
        <button type="submit" className="w-full rounded bg-accent px-4 py-2 font-bold text-white hover:bg-accent-dark">
          Rechercher
        </button>
      </div>
    </form>
  );
}
