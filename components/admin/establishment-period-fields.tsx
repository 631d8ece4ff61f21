import { SelectField } from "@/components/ui/form/select-field";

/** What the two selects offer: the establishments, and the periods named with their establishment. */
export type EstablishmentPeriodOptions = {
  establishments: { id: string; name: string }[];
  periods: { id: string; name: string; establishment: { name: string } }[];
};

/**
 * The « Établissement » and « Période » selects of the reservation filters (the queue and « Toutes
 * les réservations »); `idPrefix` keeps each page's field ids.
 */
export function EstablishmentPeriodFields({
  idPrefix,
  options,
  establishmentId,
  periodId,
}: {
  idPrefix: string;
  options: EstablishmentPeriodOptions;
  establishmentId?: string;
  periodId?: string;
}) {
  return (
    <>
      <SelectField
        id={`${idPrefix}-establishment`}
        label="Établissement"
        name="establishmentId"
        defaultValue={establishmentId}
        placeholder="Tous"
        options={options.establishments.map((establishment) => ({ value: establishment.id, label: establishment.name }))}
      />
      <SelectField
        id={`${idPrefix}-period`}
        label="Période"
        name="periodId"
        defaultValue={periodId}
        placeholder="Toutes"
        options={options.periods.map((period) => ({
          value: period.id,
          label: `${period.establishment.name} – ${period.name}`,
        }))}
      />
    </>
  );
}
