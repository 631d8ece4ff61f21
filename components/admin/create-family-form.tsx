"use client";

import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZCreateFamilySchema } from "@/lib/families/family.schema";

import { ActionForm } from "./action-form";

export function CreateFamilyForm({ action }: { action: (input: FormData) => Promise<ActionResult<{ familyId: string }>> }) {
  return (
    <ActionForm
      action={action as (input: FormData) => Promise<ActionResult<unknown>>}
      schema={ZCreateFamilySchema}
      submitLabel="Créer la famille et envoyer l'e-mail d'activation"
      redirectTo={(data) => `/admin/familles/${(data as { familyId: string }).familyId}?creee=1`}
    >
      <TextField label="Nom de la famille" name="familyName" required />
      <TextField label="Prénom du responsable 1" name="firstName" required />
      <TextField label="Nom du responsable 1" name="lastName" required />
      <TextField label="Adresse e-mail (identifiant)" name="email" type="email" required />
      <TextField label="N° allocataire" name="allowanceNumber" />
    </ActionForm>
  );
}
