"use client";

import { ActionForm } from "@/components/admin/action-form";
import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
import { FileField } from "@/components/ui/form/file-field";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZTownLogoSchema } from "@/lib/town/town-logo.schema";
import {
  ZTownSettingsSchema,
  ZUsefulContactSchema,
  ZUsefulContactUpdateSchema,
  type TTownSettings,
} from "@/lib/town/town-settings.schema";

type Action = (input: FormData) => Promise<ActionResult<unknown>>;

type Settings = TTownSettings;

export function TownSettingsForm({ action, settings }: { action: Action; settings: Settings }) {
  return (
    <ActionForm
      action={action}
      schema={ZTownSettingsSchema}
      submitLabel="Enregistrer les paramètres"
      successMessage="Les paramètres de la commune ont été enregistrés."
    >
      <TextField name="townName" label="Nom de la commune" defaultValue={settings.townName} required />
      <TextField name="portalName" label="Nom du portail" defaultValue={settings.portalName} required />
      <TextField name="guichetName" label="Nom du guichet" defaultValue={settings.guichetName} required />
      <TextField name="guichetPhone" label="Téléphone du guichet" type="tel" defaultValue={settings.guichetPhone} required />
      <TextField
        name="guichetEmail"
        label="Adresse e-mail du guichet"
        type="email"
        defaultValue={settings.guichetEmail}
        required
      />
      <TextField
        name="guichetAddress"
        label="Adresse du guichet"
        multiline
        rows={2}
        defaultValue={settings.guichetAddress}
        required
      />
      <TextField
        name="guichetHours"
        label="Horaires du guichet"
        multiline
        rows={2}
        defaultValue={settings.guichetHours}
        required
      />
      <TextField
        name="primaryColor"
        label="Couleur principale"
        hint="Au format #rrggbb, par exemple #1e3a6e : fond de l'en-tête et des boutons, sous un texte blanc. Une couleur trop claire est refusée (contraste)."
        defaultValue={settings.primaryColor}
        required
      />
    </ActionForm>
  );
}

type Contact = {
  id: string;
  label: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  hours: string | null;
  sortOrder: number;
};

function ContactFields({ contact }: { contact?: Contact }) {
  return (
    <>
      <TextField name="label" label="Nom du contact" defaultValue={contact?.label} required />
      <TextField name="phone" label="Téléphone" type="tel" defaultValue={contact?.phone ?? undefined} />
      <TextField name="email" label="Adresse e-mail" type="email" defaultValue={contact?.email ?? undefined} />
      <TextField name="address" label="Adresse" defaultValue={contact?.address ?? undefined} />
      <TextField name="hours" label="Horaires" defaultValue={contact?.hours ?? undefined} />
      <TextField
        name="sortOrder"
        label="Ordre d'affichage"
        type="number"
        hint="Les contacts sont affichés du plus petit au plus grand."
        defaultValue={String(contact?.sortOrder ?? 0)}
        required
      />
    </>
  );
}

const CONTACT_FORM: CreateOrEditSpec = {
  schemas: { create: ZUsefulContactSchema, update: ZUsefulContactUpdateSchema },
  texts: { createLabel: "Ajouter le contact", created: "Le contact a été ajouté.", saved: "Le contact a été enregistré." },
};

export const EditUsefulContactForm = ({ action, contact }: { action: Action; contact?: Contact }) => (
  <CreateOrEditForm action={action} record={contact} spec={CONTACT_FORM}>
    <ContactFields contact={contact} />
  </CreateOrEditForm>
);
export const NewUsefulContactForm = EditUsefulContactForm;

export function TownLogoForm({
  uploadAction,
  removeAction,
  logoUrl,
}: {
  uploadAction: Action;
  removeAction: Action;
  logoUrl: string | null;
}) {
  return (
    <div className="space-y-4">
      <div>
        <h3 className="font-semibold">Logo actuel</h3>
        {logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by our route, any size
          <img
            src={logoUrl}
            alt="Logo actuel de la commune"
            className="mt-1 h-16 w-auto rounded border border-gray-300 bg-white p-1"
          />
        ) : (
          <p className="text-muted">Aucun logo : l&apos;en-tête affiche le nom de la commune seul.</p>
        )}
      </div>
      <ActionForm
        action={uploadAction}
        schema={ZTownLogoSchema}
        submitLabel="Enregistrer le logo"
        successMessage="Le logo a été enregistré."
        resetOnSuccess
      >
        <FileField
          label="Nouveau logo"
          accept="image/png,image/jpeg,image/gif"
          hint="Image PNG, JPEG ou GIF de 500 Ko au plus, affichée dans l'en-tête de toutes les pages."
        />
      </ActionForm>
      {logoUrl ? (
        <ActionForm
          action={removeAction}
          submitLabel="Retirer le logo"
          variant="danger"
          confirmMessage="Retirer le logo de la commune de toutes les pages ?"
        />
      ) : null}
    </div>
  );
}
