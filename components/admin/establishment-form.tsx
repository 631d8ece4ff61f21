"use client";

import { ActionForm, Field } from "@/components/admin/action-form";
import { CheckboxField } from "@/components/admin/catalogue-fields";
import type { ActionResult } from "@/lib/auth/action";

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
      submitLabel={establishment ? "Enregistrer l'établissement" : "Créer l'établissement"}
      redirectTo={() => "/admin/catalogue#etablissements"}
    >
      {establishment ? <input type="hidden" name="id" value={establishment.id} /> : null}
      <Field name="name" label="Nom de l'établissement" required defaultValue={establishment?.name} hint="Exemple : CANTINE ELEMENTAIRE CAMBON. Deux établissements ne peuvent pas porter le même nom." />
      <Field
        name="schoolId"
        label="École rattachée"
        defaultValue={establishment?.schoolId ?? ""}
        options={[{ value: "", label: "Aucune" }, ...schools.map((school) => ({ value: school.id, label: school.name }))]}
      />
      <Field name="address" label="Adresse" type="textarea" defaultValue={establishment?.address ?? ""} />
      <CheckboxField name="active" label="Établissement actif" defaultChecked={establishment?.active ?? true} hint="Un établissement inactif n'est plus proposé aux familles." />
    </ActionForm>
  );
}
