"use client";

import type { ActionResult } from "@/lib/auth/action";
import { ActionForm, Field } from "./action-form";

export function CreateFamilyForm({ action }: { action: (input: FormData) => Promise<ActionResult<{ familyId: string }>> }) {
  return (
    <ActionForm
      action={action as (input: FormData) => Promise<ActionResult<unknown>>}
      submitLabel="Créer la famille et envoyer l'e-mail d'activation"
      redirectTo={(data) => `/admin/familles/${(data as { familyId: string }).familyId}?creee=1`}
    >
      <Field label="Nom de la famille" name="familyName" required />
      <Field label="Prénom du responsable 1" name="firstName" required />
      <Field label="Nom du responsable 1" name="lastName" required />
      <Field label="Adresse e-mail (identifiant)" name="email" type="email" required />
      <Field label="N° allocataire" name="allowanceNumber" />
    </ActionForm>
  );
}
