"use client";

import { ActionForm } from "@/components/admin/action-form";
import { ActiveField } from "@/components/admin/active-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZCriterionUpdateSchema } from "@/lib/early-childhood/staff-settings.schema";

export function StaffCriterionForm({
  action,
  criterion,
}: {
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  criterion: { id: string; label: string; points: number; sortOrder: number; active: boolean };
}) {
  return (
    <ActionForm
      action={action}
      schema={ZCriterionUpdateSchema}
      submitLabel="Enregistrer le critère"
      redirectTo={() => "/admin/petite-enfance/criteres"}
      hiddenFields={{ id: criterion.id }}
    >
      <TextField name="label" label="Libellé publié" required defaultValue={criterion.label} />
      <TextField name="points" label="Points" type="number" required defaultValue={criterion.points} />
      <TextField name="sortOrder" label="Ordre d'affichage" type="number" defaultValue={criterion.sortOrder} />
      <ActiveField
        label="Critère appliqué"
        hint="Décoché, le critère ne compte plus dans le classement."
        active={criterion.active}
      />
    </ActionForm>
  );
}
