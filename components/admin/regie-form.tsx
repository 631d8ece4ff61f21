"use client";

import { ActiveField } from "@/components/admin/active-field";
import { CreateOrEditForm, type CreateOrEditSpec } from "@/components/admin/create-or-edit-form";
import { CheckboxField, CheckboxGroup } from "@/components/ui/form/choice-fields";
import { TextField } from "@/components/ui/form/text-field";
import type { ActionResult } from "@/lib/auth/action";
import { ZRegieSchema, ZRegieUpdateSchema } from "@/lib/billing/regie.schema";

type Regie = {
  id: string;
  name: string;
  code: string;
  payfipClientNumber: string;
  payableOnline: boolean;
  paymentDeadlineDays: number;
  mentions: string;
  active: boolean;
  activityIds: string[];
  invoiceCount: number;
};
type Props = {
  action: (input: FormData) => Promise<ActionResult<{ id: string }>>;
  /** Every activity, with the régie that bills it now (an activity belongs to one régie at most). */
  activities: { id: string; name: string; regie: { id: string; name: string } | null }[];
  /** The régie being edited; none to create one. */
  regie?: Regie;
};

const REGIE_FORM: CreateOrEditSpec = {
  schemas: { create: ZRegieSchema, update: ZRegieUpdateSchema },
  texts: { createLabel: "Créer la régie", saveLabel: "Enregistrer la régie" },
  redirectTo: () => "/admin/catalogue/regies",
};

export function RegieForm({ action, activities, regie }: Props) {
  const codeLocked = (regie?.invoiceCount ?? 0) > 0;
  return (
    <CreateOrEditForm action={action} record={regie} spec={REGIE_FORM}>
      <TextField
        name="name"
        label="Nom de la régie"
        required
        defaultValue={regie?.name}
        hint="Exemple : Régie périscolaire et restauration."
      />
      {codeLocked ? (
        <>
          <input type="hidden" name="code" value={regie!.code} />
          <p>
            <span className="font-semibold">Code :</span> {regie!.code}{" "}
            <span className="text-muted">(ne change plus : la régie a déjà émis des factures numérotées avec ce code)</span>
          </p>
        </>
      ) : (
        <TextField
          name="code"
          label="Code"
          required
          defaultValue={regie?.code}
          hint="Lettres sans accent et chiffres, 10 au plus : il figure dans les numéros de facture (F-PERI-2026-000001)."
        />
      )}
      <CheckboxField
        name="payableOnline"
        label="Payable en ligne (PayFiP)"
        defaultChecked={regie?.payableOnline ?? false}
        hint="Sinon, les factures portent « à régler auprès du Guichet unique »."
      />
      <TextField
        name="payfipClientNumber"
        label="Numéro client PayFiP (numcli)"
        inputMode="numeric"
        defaultValue={regie?.payfipClientNumber}
        hint="6 chiffres, fournis par la DGFiP ; obligatoire pour une régie payable en ligne."
      />
      <TextField
        name="paymentDeadlineDays"
        label="Délai de paiement (jours après l'émission)"
        type="number"
        required
        defaultValue={regie?.paymentDeadlineDays ?? 30}
        hint="De 1 à 90 jours."
      />
      <TextField
        name="mentions"
        label="Mentions imprimées sur les factures"
        multiline
        rows={4}
        defaultValue={regie?.mentions}
        hint="Mentions légales, autres moyens de paiement (2 000 caractères au plus)."
      />
      <CheckboxGroup
        name="activityIds"
        label="Activités facturées"
        inline={false}
        hint="Une activité n'est facturée que par une seule régie."
        defaultValues={regie?.activityIds ?? []}
        options={activities.map((activity) => ({
          value: activity.id,
          label:
            activity.regie && activity.regie.id !== regie?.id
              ? `${activity.name} (facturée par ${activity.regie.name})`
              : activity.name,
        }))}
      />
      <ActiveField
        label="Régie active"
        hint="Décochée, la régie est retirée : elle n'est plus proposée, ses factures restent."
        active={regie?.active}
      />
    </CreateOrEditForm>
  );
}
