"use client";

import { ActiveField } from "@/components/admin/active-field";
import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import type { CrecheAgeGroup } from "@/lib/db/generated/enums";
import { AGE_GROUP_LABELS, AGE_GROUPS } from "@/lib/early-childhood/age-group";
import { PLACES_FIELDS, ZCrecheSchema, ZCrecheUpdateSchema } from "@/lib/early-childhood/staff-settings.schema";

type Creche = {
  id: string;
  name: string;
  code: string;
  address: string;
  opensAt: string;
  closesAt: string;
  regieId: string | null;
  sortOrder: number;
  active: boolean;
  places: Record<CrecheAgeGroup, number>;
};

const CRECHE_FORM: CreateOrEditSpec = {
  schemas: { create: ZCrecheSchema, update: ZCrecheUpdateSchema },
  texts: { createLabel: "Créer la crèche", saveLabel: "Enregistrer la crèche" },
  redirectTo: () => "/admin/petite-enfance/creches",
};

export function StaffCrecheForm({
  action,
  regies,
  creche,
}: {
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  regies: { id: string; name: string }[];
  creche?: Creche;
}) {
  return (
    <CreateOrEditForm action={action} record={creche} spec={CRECHE_FORM}>
      <TextField
        name="name"
        label="Nom de la crèche"
        required
        defaultValue={creche?.name}
        hint="Exemple : MULTI-ACCUEIL LES PITCHOUNS."
      />
      <TextField
        name="code"
        label="Code"
        required
        defaultValue={creche?.code}
        hint="Lettres sans accent, chiffres, - et _ (12 au plus)."
      />
      <TextField name="address" label="Adresse" defaultValue={creche?.address} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="opensAt" label="Ouverture" type="time" required defaultValue={creche?.opensAt ?? "07:30"} />
        <TextField name="closesAt" label="Fermeture" type="time" required defaultValue={creche?.closesAt ?? "18:30"} />
      </div>
      <SelectField
        name="regieId"
        label="Régie qui facture les contrats"
        placeholder="< Aucune >"
        defaultValue={creche?.regieId ?? ""}
        options={regies.map((regie) => ({ value: regie.id, label: regie.name }))}
      />
      <fieldset className="space-y-2">
        <legend className="font-semibold">Places par groupe d&apos;âge</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {AGE_GROUPS.map((group) => (
            <TextField
              key={group}
              name={PLACES_FIELDS[group]}
              label={AGE_GROUP_LABELS[group]}
              type="number"
              required
              defaultValue={creche?.places[group] ?? 0}
            />
          ))}
        </div>
      </fieldset>
      <TextField name="sortOrder" label="Ordre d'affichage" type="number" defaultValue={creche?.sortOrder ?? 0} />
      <ActiveField
        label="Crèche active"
        hint="Décochée, la crèche n'est plus proposée aux familles ; ses contrats restent."
        active={creche?.active}
      />
    </CreateOrEditForm>
  );
}
