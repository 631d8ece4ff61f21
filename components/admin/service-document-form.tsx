"use client";

import { useId } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { ActionForm, Field, useFieldError } from "./action-form";

function FileField() {
  const id = useId();
  const error = useFieldError("file");
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        Fichier PDF (1 Mo au plus) <span aria-hidden="true">*</span>
      </label>
      <input id={id} name="file" type="file" accept="application/pdf" aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} className="mt-1 block" />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-accent-dark">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ServiceDocumentForm({ action, activities }: { action: (input: FormData) => Promise<ActionResult<unknown>>; activities: { id: string; name: string }[] }) {
  return (
    <ActionForm action={action} submitLabel="Publier le document" successMessage="Le document est en ligne sur la page d'accueil." resetOnSuccess>
      <Field label="Service" name="activityId" options={activities.map((activity) => ({ value: activity.id, label: activity.name }))} />
      <Field
        label="Type"
        name="kind"
        options={[
          { value: "REGLEMENT", label: "Règlement" },
          { value: "TARIFS", label: "Tarifs" },
          { value: "PROGRAMME", label: "Programme" },
        ]}
      />
      <Field label="Titre" name="title" required />
      <FileField />
    </ActionForm>
  );
}
