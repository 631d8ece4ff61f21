"use client";

import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { STAFF_ROLE_CHOICES } from "@/lib/staff/role-labels";
import { ZCreateStaffSchema, ZStaffRoleChangeSchema } from "@/lib/staff/staff.schema";

import { ActionForm, type FormDataAction } from "./action-form";

export function CreateStaffForm({ action }: { action: FormDataAction }) {
  return (
    <ActionForm
      action={action}
      schema={ZCreateStaffSchema}
      submitLabel="Créer le compte"
      successMessage="Compte créé ; l'e-mail d'activation a été envoyé."
      resetOnSuccess
    >
      <TextField label="Prénom" name="firstName" required />
      <TextField label="Nom" name="lastName" required />
      <TextField label="Adresse e-mail (identifiant)" name="email" type="email" required />
      <SelectField label="Rôle" name="role" options={STAFF_ROLE_CHOICES} defaultValue="AGENT" />
    </ActionForm>
  );
}

export function StaffRoleForm({ action, userId, role }: { action: FormDataAction; userId: string; role: string }) {
  return (
    <ActionForm
      action={action}
      schema={ZStaffRoleChangeSchema}
      submitLabel="Changer le rôle"
      successMessage="Rôle modifié."
      variant="secondary"
      className="flex flex-wrap items-end gap-2"
      hiddenFields={{ userId }}
    >
      <SelectField label="Rôle" name="role" options={STAFF_ROLE_CHOICES} defaultValue={role} />
    </ActionForm>
  );
}
