"use client";

import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZActivitySchema, ZActivityUpdateSchema } from "@/lib/catalogue/activity.schema";

type Activity = { id: string; code: string; name: string; sortOrder: number };
type Props = {
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  /** The activity being edited; none to create one. */
  activity?: Activity;
};

const ACTIVITY_FORM: CreateOrEditSpec = {
  schemas: { create: ZActivitySchema, update: ZActivityUpdateSchema },
  texts: { createLabel: "Créer l'activité", saveLabel: "Enregistrer l'activité" },
  redirectTo: () => "/admin/catalogue#activites",
};

/** The activity's two required names: its code and what families read. */
const NAME_FIELDS = [
  { name: "code", label: "Code", hint: "Lettres sans accent, chiffres et « _ », unique (exemple : SPORTS_VACANCES)." },
  { name: "name", label: "Nom de l'activité", hint: "Exemple : RESTAURATION SCOLAIRE." },
] as const;

export function ActivityForm({ action, activity }: Props) {
  return (
    <CreateOrEditForm action={action} record={activity} spec={ACTIVITY_FORM}>
      {NAME_FIELDS.map((field) => (
        <TextField key={field.name} {...field} required defaultValue={activity?.[field.name]} />
      ))}
      <TextField name="sortOrder" label="Ordre d'affichage" type="number" defaultValue={activity?.sortOrder ?? 0} />
    </CreateOrEditForm>
  );
}
