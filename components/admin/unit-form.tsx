"use client";

import { ActionForm } from "@/components/admin/action-form";
import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { DAY_PART_VALUES, ZUnitCreateSchema, ZUnitUpdateSchema } from "@/lib/catalogue/units.schema";
import { DAY_PART_LABELS } from "@/lib/reservations/day-parts";

type Action<T = unknown> = (input: FormData) => Promise<ActionResult<T>>;
type UnitValues = {
  id: string;
  label: string;
  startTime: string;
  endTime: string;
  capacity: number;
  sortOrder: number;
  dayPart: string | null;
};

const DAY_PART_OPTIONS = DAY_PART_VALUES.map((value) => ({ value, label: DAY_PART_LABELS[value] }));

function UnitFields({ unit, sortOrder }: { unit?: UnitValues; sortOrder?: number }) {
  return (
    <>
      <TextField
        name="label"
        label="Libellé"
        hint="Tel qu'il apparaît aux familles sur le planning, par exemple REPAS ENFANT."
        defaultValue={unit?.label}
        required
      />
      <SelectField
        name="dayPart"
        label="Journée ou demi-journée"
        hint="Accueils de loisirs : un enfant inscrit à la journée ne peut pas l'être aussi à une demi-journée du même jour ; le matin et l'après-midi vont ensemble."
        options={DAY_PART_OPTIONS}
        placeholder="Ni l'une ni l'autre (repas, garderie…)"
        defaultValue={unit?.dayPart ?? ""}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="startTime"
          label="Heure de début"
          type="time"
          hint="Par exemple 12:15."
          defaultValue={unit?.startTime}
          required
        />
        <TextField
          name="endTime"
          label="Heure de fin"
          type="time"
          hint="Par exemple 13:00."
          defaultValue={unit?.endTime}
          required
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="capacity"
          label="Capacité par jour (places)"
          type="number"
          hint={
            unit
              ? "Reportée sur les jours déjà ouverts, sauf ceux dont la capacité a été fixée à la main."
              : "Nombre de places chaque jour d'ouverture."
          }
          defaultValue={unit?.capacity}
          required
        />
        <TextField
          name="sortOrder"
          label="Ordre d'affichage"
          type="number"
          hint="Les colonnes du planning suivent cet ordre."
          defaultValue={String(unit?.sortOrder ?? sortOrder ?? 0)}
        />
      </div>
    </>
  );
}

/** Saving a unit keeps its page; adding one leads to the new unit's page. */
const UNIT_FORM: CreateOrEditSpec = {
  schemas: { create: ZUnitCreateSchema, update: ZUnitUpdateSchema },
  texts: { createLabel: "Ajouter l'unité", saveLabel: "Enregistrer l'unité", saved: "L'unité a été enregistrée." },
};
const NEW_UNIT_FORM: CreateOrEditSpec = {
  ...UNIT_FORM,
  redirectTo: (data) => `/admin/catalogue/unites/${(data as { id: string }).id}`,
};

/** "Ajouter une unité": on success, the new unit's page. */
export function CreateUnitForm({
  action,
  periodId,
  sortOrder,
}: {
  action: Action<{ id: string }>;
  periodId: string;
  sortOrder: number;
}) {
  return (
    <CreateOrEditForm action={action as Action} spec={NEW_UNIT_FORM}>
      <input type="hidden" name="periodId" value={periodId} />
      <UnitFields sortOrder={sortOrder} />
    </CreateOrEditForm>
  );
}

export function EditUnitForm({ action, unit }: { action: Action; unit: UnitValues }) {
  return (
    <CreateOrEditForm action={action} record={unit} spec={UNIT_FORM}>
      <UnitFields unit={unit} />
    </CreateOrEditForm>
  );
}

/** Asks for confirmation, then returns to the period. */
export function DeleteUnitForm({
  action,
  unitId,
  label,
  periodId,
}: {
  action: Action;
  unitId: string;
  label: string;
  periodId: string;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel={`Supprimer l'unité « ${label} »`}
      variant="danger"
      confirmMessage={`Supprimer définitivement l'unité « ${label} », ses tarifs et ses capacités par jour ?`}
      redirectTo={() => `/admin/catalogue/periodes/${periodId}`}
    >
      <input type="hidden" name="id" value={unitId} />
    </ActionForm>
  );
}
