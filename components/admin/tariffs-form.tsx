"use client";

import { ActionForm } from "@/components/admin/action-form";
import { FieldError, useFieldWiring } from "@/components/ui/form/field";
import type { ActionResult } from "@/lib/auth/action";
import { PRICE_FIELD_PREFIX, ZTariffsSchema } from "@/lib/catalogue/tariff.schema";

type Bracket = { id: string; label: string; range: string; price: string };

function PriceRow({ bracket }: { bracket: Bracket }) {
  const name = `${PRICE_FIELD_PREFIX}${bracket.id}`;
  const label = `Prix pour « ${bracket.label} », en euros`;
  // A price cell of the table: the kit's wiring, its label read by screen readers only.
  const { id, error, control } = useFieldWiring({ name, label });
  return (
    <tr className="border-t border-gray-200 align-top">
      <th scope="row" className="p-2 text-left font-semibold">
        {bracket.label}
        <span className="block text-sm font-normal text-muted">{bracket.range}</span>
      </th>
      <td className="p-2">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <div className="flex items-center gap-2">
          <input
            inputMode="decimal"
            defaultValue={bracket.price}
            {...control}
            className="w-28 rounded border border-gray-400 px-3 py-2 text-right"
          />
          <span aria-hidden="true">€</span>
        </div>
        <FieldError id={id} error={error} />
      </td>
    </tr>
  );
}

/** One price per quotient familial bracket, saved together. */
export function TariffsForm({
  action,
  unitId,
  brackets,
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  unitId: string;
  brackets: Bracket[];
}) {
  return (
    <ActionForm
      action={action}
      schema={ZTariffsSchema}
      submitLabel="Enregistrer les tarifs"
      successMessage="Les tarifs ont été enregistrés."
    >
      <input type="hidden" name="unitId" value={unitId} />
      <p className="text-sm text-muted">Prix par jour réservé, en euros (par exemple 3,50 ; 0 si gratuit).</p>
      <table className="w-full text-left">
        <caption className="sr-only">Tarifs par tranche de quotient familial</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className="p-2">
              Tranche de quotient familial
            </th>
            <th scope="col" className="p-2">
              Prix (€)
            </th>
          </tr>
        </thead>
        <tbody>
          {brackets.map((bracket) => (
            <PriceRow key={bracket.id} bracket={bracket} />
          ))}
        </tbody>
      </table>
    </ActionForm>
  );
}
