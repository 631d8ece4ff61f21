"use client";

import { ActionForm, type FormDataAction } from "@/components/admin/action-form";
import { TextField } from "@/components/ui/form/text-field";
import { ZPsuYearSchema } from "@/lib/early-childhood/psu.schema";

export type PsuYearDefaults = {
  year: number;
  floor: string;
  ceiling: string;
  rateOneChild: string;
  rateTwoChildren: string;
  rateThreeChildren: string;
  rateFourChildren: string;
  rateEightChildren: string;
};

/** « Barème PSU » of a year (administrators): floor and ceiling in euros, the five taux d'effort in percent. */
export function PsuYearForm({ action, defaults }: { action: FormDataAction; defaults: PsuYearDefaults }) {
  return (
    <ActionForm action={action} schema={ZPsuYearSchema} submitLabel="Enregistrer le barème" successMessage="Barème enregistré.">
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Année" name="year" type="number" defaultValue={defaults.year} required />
        <TextField label="Plancher mensuel (€)" name="floor" inputMode="decimal" defaultValue={defaults.floor} required />
        <TextField label="Plafond mensuel (€)" name="ceiling" inputMode="decimal" defaultValue={defaults.ceiling} required />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-5">
        <legend className="mb-1 font-semibold">Taux d&apos;effort horaire (%)</legend>
        <TextField label="1 enfant" name="rateOneChild" inputMode="decimal" defaultValue={defaults.rateOneChild} required />
        <TextField
          label="2 enfants"
          name="rateTwoChildren"
          inputMode="decimal"
          defaultValue={defaults.rateTwoChildren}
          required
        />
        <TextField
          label="3 enfants"
          name="rateThreeChildren"
          inputMode="decimal"
          defaultValue={defaults.rateThreeChildren}
          required
        />
        <TextField
          label="4 à 7 enfants"
          name="rateFourChildren"
          inputMode="decimal"
          defaultValue={defaults.rateFourChildren}
          required
        />
        <TextField
          label="8 enfants et plus"
          name="rateEightChildren"
          inputMode="decimal"
          defaultValue={defaults.rateEightChildren}
          required
        />
      </fieldset>
    </ActionForm>
  );
}
