"use client";

import { ActionForm } from "@/components/admin/action-form";
import { CheckboxField } from "@/components/ui/form/choice-fields";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZActivitySchema, ZActivityUpdateSchema } from "@/lib/catalogue/activity.schema";

type Activity = { id: string; code: string; name: string; onlinePayment: boolean; sortOrder: number };
type Props = {
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  /** The activity being edited; none to create one. */
  activity?: Activity;
};

export function ActivityForm({ action, activity }: Props) {
  return (
    <ActionForm
      action={action}
      schema={activity ? ZActivityUpdateSchema : ZActivitySchema}
      submitLabel={activity ? "Enregistrer l'activité" : "Créer l'activité"}
      redirectTo={() => "/admin/catalogue#activites"}
    >
      {activity ? <input type="hidden" name="id" value={activity.id} /> : null}
      <TextField
        name="code"
        label="Code"
        required
        defaultValue={activity?.code}
        hint="Lettres sans accent, chiffres et « _ », unique (exemple : SPORTS_VACANCES)."
      />
      <TextField
        name="name"
        label="Nom de l'activité"
        required
        defaultValue={activity?.name}
        hint="Exemple : RESTAURATION SCOLAIRE."
      />
      <CheckboxField
        name="onlinePayment"
        label="Paiement en ligne (PayFiP)"
        defaultChecked={activity?.onlinePayment ?? false}
        hint="Les factures de cette activité peuvent être payées en ligne."
      />
      <TextField name="sortOrder" label="Ordre d'affichage" type="number" defaultValue={activity?.sortOrder ?? 0} />
    </ActionForm>
  );
}
