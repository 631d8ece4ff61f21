"use client";

import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZActivitySchema, ZActivityUpdateSchema } from "@/lib/catalogue/activity.schema";

type Activity = { id: string; code: string; name: string; sortOrder: number; regieId: string | null };
type Props = {
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  /** The activity being edited; none to create one. */
  activity?: Activity;
  /** The régies to choose from (retired ones are marked). */
  regies: { id: string; name: string; active: boolean }[];
  /** Only an administrator changes the régie (an agent sees it). */
  canChooseRegie: boolean;
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

export function ActivityForm({ action, activity, regies, canChooseRegie }: Props) {
  return (
    <CreateOrEditForm action={action} record={activity} spec={ACTIVITY_FORM}>
      {NAME_FIELDS.map((field) => (
        <TextField key={field.name} {...field} required defaultValue={activity?.[field.name]} />
      ))}
      <TextField name="sortOrder" label="Ordre d'affichage" type="number" defaultValue={activity?.sortOrder ?? 0} />
      {canChooseRegie ? null : <input type="hidden" name="regieId" value={activity?.regieId ?? ""} />}
      <SelectField
        name={canChooseRegie ? "regieId" : "regieId-shown"}
        label="Régie"
        placeholder="Aucune (non facturée)"
        disabled={!canChooseRegie}
        defaultValue={activity?.regieId ?? ""}
        options={regies.map((regie) => ({ value: regie.id, label: regie.active ? regie.name : `${regie.name} (retirée)` }))}
        hint={
          canChooseRegie
            ? "La régie qui facture l'activité ; le paiement en ligne dépend de la régie."
            : "La régie qui facture l'activité ; seul un administrateur peut la changer."
        }
      />
    </CreateOrEditForm>
  );
}
