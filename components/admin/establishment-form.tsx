"use client";

import { ActionForm } from "@/components/admin/action-form";
import { CheckboxField } from "@/components/ui/form/choice-fields";
import { namedOptions, SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZEstablishmentSchema, ZEstablishmentUpdateSchema } from "@/lib/catalogue/establishment.schema";

type Establishment = { id: string; name: string; schoolId: string | null; address: string | null; active: boolean };
type Props = {
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  schools: { id: string; name: string }[];
  /** The establishment being edited; none to create one. */
  establishment?: Establishment;
};

export function EstablishmentForm({ action, schools, establishment }: Props) {
  return (
    <ActionForm
      action={action}
      schema={establishment ? ZEstablishmentUpdateSchema : ZEstablishmentSchema}
      submitLabel={establishment ? "Enregistrer l'établissement" : "Créer l'établissement"}
      redirectTo={() => "/admin/catalogue#etablissements"}
    >
      {establishment ? <input type="hidden" name="id" value={establishment.id} /> : null}
      <TextField
        name="name"
        label="Nom de l'établissement"
        required
        defaultValue={establishment?.name}
        hint="Exemple : CANTINE ELEMENTAIRE CAMBON. Deux établissements ne peuvent pas porter le même nom."
      />
      <SelectField
        name="schoolId"
        label="École rattachée"
        defaultValue={establishment?.schoolId ?? ""}
        placeholder="Aucune"
        options={namedOptions(schools)}
      />
      <TextField name="address" label="Adresse" multiline defaultValue={establishment?.address ?? ""} />
      <CheckboxField
        name="active"
        label="Établissement actif"
        defaultChecked={establishment?.active ?? true}
        hint="Un établissement inactif n'est plus proposé aux familles."
      />
    </ActionForm>
  );
}
