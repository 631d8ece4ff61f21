"use client";

import type { ActionResult } from "@/lib/auth/action";
import { ActionForm, Field } from "./action-form";

export const ROLE_OPTIONS = [
  { value: "AGENT", label: "Agent (opérations)" },
  { value: "ADMIN", label: "Administrateur (opérations, personnel, paramètres)" },
];

export function CreateStaffForm({ action }: { action: (input: FormData) => Promise<ActionResult<unknown>> }) {
  return (
    <ActionForm action={action} submitLabel="Créer le compte" successMessage="Compte créé ; l'e-mail d'activation a été envoyé." resetOnSuccess>
      <Field label="Prénom" name="firstName" required />
      <Field label="Nom" name="lastName" required />
      <Field label="Adresse e-mail (identifiant)" name="email" type="email" required />
      <Field label="Rôle" name="role" options={ROLE_OPTIONS} defaultValue="AGENT" />
    </ActionForm>
  );
}

export function StaffRoleForm({ action, userId, role }: { action: (input: FormData) => Promise<ActionResult<unknown>>; userId: string; role: string }) {
  return (
    <ActionForm action={action} submitLabel="Changer le rôle" successMessage="Rôle modifié." variant="secondary" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={userId} />
      <Field label="Rôle" name="role" options={ROLE_OPTIONS} defaultValue={role} />
    </ActionForm>
  );
}
