"use client";

import type { ActionResult } from "@/lib/auth/action";
import { STAFF_ROLE_CHOICES } from "@/lib/staff/role-labels";
import { ActionForm, Field } from "./action-form";

export function CreateStaffForm({ action }: { action: (input: FormData) => Promise<ActionResult<unknown>> }) {
  return (
    <ActionForm action={action} submitLabel="Créer le compte" successMessage="Compte créé ; l'e-mail d'activation a été envoyé." resetOnSuccess>
      <Field label="Prénom" name="firstName" required />
      <Field label="Nom" name="lastName" required />
      <Field label="Adresse e-mail (identifiant)" name="email" type="email" required />
      <Field label="Rôle" name="role" options={STAFF_ROLE_CHOICES} defaultValue="AGENT" />
    </ActionForm>
  );
}

export function StaffRoleForm({ action, userId, role }: { action: (input: FormData) => Promise<ActionResult<unknown>>; userId: string; role: string }) {
  return (
    <ActionForm action={action} submitLabel="Changer le rôle" successMessage="Rôle modifié." variant="secondary" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={userId} />
      <Field label="Rôle" name="role" options={STAFF_ROLE_CHOICES} defaultValue={role} />
    </ActionForm>
  );
}
