import { SelectField, type Option } from "@/components/ui/form/select-field";
import { STATUS_LABELS, type ReservationStateName } from "@/lib/reservations/status-labels";

type Props = {
  options: { children: { id: string; name: string }[]; establishments: { id: string; name: string }[]; periods: string[] };
  values: { enfant?: string; etablissement?: string; periode?: string; etat?: string };
};

/** "Renseignez les champs à l'aide des menus déroulants selon vos critères de recherche, puis cliquez sur RECHERCHER." */
export function ReservationSearchForm({ options, values }: Props) {
  const filters: { id: string; name: keyof Props["values"]; label: string; placeholder: string; options: Option[] }[] = [
    {
      id: "search-child",
      name: "enfant",
      label: "Enfant",
      placeholder: "Tous",
      options: options.children.map((child) => ({ value: child.id, label: child.name })),
    },
    {
      id: "search-establishment",
      name: "etablissement",
      label: "Établissement",
      placeholder: "Tous",
      options: options.establishments.map((establishment) => ({ value: establishment.id, label: establishment.name })),
    },
    {
      id: "search-period",
      name: "periode",
      label: "Période",
      placeholder: "Toutes",
      options: options.periods.map((period) => ({ value: period, label: period })),
    },
    {
      id: "search-state",
      name: "etat",
      label: "État",
      placeholder: "Tous",
      options: (Object.keys(STATUS_LABELS) as ReservationStateName[]).map((status) => ({
        value: status,
        label: STATUS_LABELS[status],
      })),
    },
  ];
  return (
    <form
      method="get"
      action="/espace/reservations"
      role="search"
      aria-label="Rechercher une réservation"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
    >
      {filters.map((filter) => (
        <SelectField key={filter.name} {...filter} defaultValue={values[filter.name] ?? ""} />
      ))}
      <div className="flex items-end">
        <button type="submit" className="w-full rounded bg-accent px-4 py-2 font-bold text-white hover:bg-accent-dark">
          Rechercher
        </button>
      </div>
    </form>
  );
}
