"use client";

import { ActiveField } from "@/components/admin/active-field";
import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
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

const ESTABLISHMENT_FORM: CreateOrEditSpec = {
  schemas: { create: ZEstablishmentSchema, update: ZEstablishmentUpdateSchema },
  texts: { createLabel: "Créer l'établissement", saveLabel: "Enregistrer l'établissement" },
  redirectTo: () => "/admin/catalogue#etablissements",
};

export function EstablishmentForm({ action, schools, establishment }: Props) {
  return (
    <CreateOrEditForm action={action} record={establishment} spec={ESTABLISHMENT_FORM}>
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
      <ActiveField
        label="Établissement actif"
        hint="Un établissement inactif n'est plus proposé aux familles."
        active={establishment?.active}
      />
    </CreateOrEditForm>
  );
}
