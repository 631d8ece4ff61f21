"use client";

import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
import { CheckboxField, CheckboxGroup, RadioGroup } from "@/components/ui/form/choice-fields";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { DOCUMENT_TYPE_SCOPES, ZDocumentTypeSchema, ZDocumentTypeUpdateSchema } from "@/lib/documents/document-type.schema";
import type { DocumentTypeRow } from "@/lib/documents/document-types";

type Props = {
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  /** The services a mandatory type can be required for. */
  activities: { id: string; name: string }[];
  /** The type being edited; none to create one. */
  type?: DocumentTypeRow;
};

const DOCUMENT_TYPE_FORM: CreateOrEditSpec = {
  schemas: { create: ZDocumentTypeSchema, update: ZDocumentTypeUpdateSchema },
  texts: { createLabel: "Créer le type de document", saveLabel: "Enregistrer le type de document" },
  redirectTo: () => "/admin/documents/types",
};

export function DocumentTypeForm({ action, activities, type }: Props) {
  const scopeLocked = (type?.documentCount ?? 0) > 0;
  return (
    <CreateOrEditForm action={action} record={type} spec={DOCUMENT_TYPE_FORM}>
      <TextField
        name="label"
        label="Nom du type de document"
        required
        defaultValue={type?.label}
        hint="Tel que les familles le lisent, par exemple : Carnet de vaccination (obligatoire)."
      />
      {scopeLocked ? (
        <>
          <input type="hidden" name="scope" value={type!.scope} />
          <p>
            <span className="font-semibold">Concerne :</span> {type!.scope === "CHILD" ? "un enfant" : "la famille"}{" "}
            <span className="text-muted">(ne change plus : des documents de ce type ont été transmis)</span>
          </p>
        </>
      ) : (
        <RadioGroup
          name="scope"
          label="Le document concerne"
          required
          inline
          options={DOCUMENT_TYPE_SCOPES}
          defaultValue={type?.scope}
        />
      )}
      <CheckboxField
        name="mandatory"
        label="Document obligatoire"
        defaultChecked={type?.mandatory ?? false}
        hint="Tant qu'il n'est pas accepté, le dossier est incomplet et l'enfant ne peut pas être inscrit."
      />
      <CheckboxGroup
        name="activityIds"
        label="Obligatoire seulement pour les services"
        hint="Pour un document obligatoire : cochez les services qui l'exigent ; aucun coché, il est exigé de toutes les familles."
        options={activities.map((activity) => ({ value: activity.id, label: activity.name }))}
        defaultValues={type?.activities.map((activity) => activity.id) ?? []}
      />
      <TextField
        name="helpText"
        label="Aide affichée aux familles"
        multiline
        defaultValue={type?.helpText ?? ""}
        hint="Facultatif, 300 caractères au plus, affichée sous le type sur le formulaire d'envoi."
      />
      <TextField
        name="sortOrder"
        label="Ordre d'affichage"
        type="number"
        inputMode="numeric"
        defaultValue={type?.sortOrder ?? 0}
      />
      <CheckboxField
        name="active"
        label="Type proposé aux familles"
        defaultChecked={type?.active ?? true}
        hint="Décoché, le type est retiré : il n'est plus proposé à l'envoi, les documents déjà transmis restent consultables."
      />
    </CreateOrEditForm>
  );
}
