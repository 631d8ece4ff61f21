import { FilterForm } from "@/components/ui/filter-form";
import { TextField } from "@/components/ui/form/text-field";

/** The back office's one search field (home page and results page): a family, a child or a reservation number. */
export function BackOfficeSearch({ query }: { query?: string }) {
  return (
    <FilterForm action="/admin/recherche" role="search" submitLabel="Rechercher">
      <TextField
        id="back-office-search"
        label="Rechercher une famille, un enfant ou un n° de réservation"
        name="q"
        defaultValue={query}
        className="w-96 max-w-full"
      />
    </FilterForm>
  );
}
