import { z } from "zod";

import { checkbox, list, optionalNamedText, requiredNamedText } from "@/lib/validation/form-fields";

// A régie as its admin form posts it (SPEC §8): name, code, PayFiP client number, the activities
// it bills, online payment, payment deadline and the mentions printed on its invoices.

export const NUMCLI_MESSAGE = "Le numéro client PayFiP comporte exactement 6 chiffres (exemple : 012345).";
export const NUMCLI_REQUIRED_MESSAGE = "Le numéro client PayFiP est obligatoire pour une régie payable en ligne.";
export const DEADLINE_MESSAGE = "Le délai de paiement est un nombre entier de jours, de 1 à 90.";

const deadlineDays = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
  z.number({ error: DEADLINE_MESSAGE }).int(DEADLINE_MESSAGE).min(1, DEADLINE_MESSAGE).max(90, DEADLINE_MESSAGE),
);

const regieFields = {
  name: requiredNamedText("Le nom de la régie", 120),
  // Printed in its invoice numbers (F-PERI-2026-000001): the database CHECK says the same.
  code: requiredNamedText("Le code", 10)
    .transform((value) => value.toUpperCase())
    .pipe(
      z
        .string()
        .regex(/^[A-Z0-9]{1,10}$/, "Le code ne peut contenir que des lettres sans accent et des chiffres (exemple : PERI)."),
    ),
  // Kept as text: a numcli may start with zeros.
  payfipClientNumber: optionalNamedText("Le numéro client PayFiP", 20).refine((value) => value === "" || /^\d{6}$/.test(value), {
    error: NUMCLI_MESSAGE,
  }),
  payableOnline: checkbox,
  paymentDeadlineDays: deadlineDays,
  mentions: optionalNamedText("Les mentions", 2000),
  activityIds: list(z.uuid({ error: "Activité introuvable : rechargez la page." })),
  active: checkbox,
};

function numcliWhenOnline(regie: { payableOnline: boolean; payfipClientNumber: string }, context: z.RefinementCtx) {
  if (regie.payableOnline && regie.payfipClientNumber === "")
    context.addIssue({ code: "custom", path: ["payfipClientNumber"], message: NUMCLI_REQUIRED_MESSAGE });
}

const regieId = z.uuid({ error: "Régie introuvable." });

export const ZRegieSchema = z.object(regieFields).superRefine(numcliWhenOnline);
export type TRegie = z.output<typeof ZRegieSchema>;

export const ZRegieUpdateSchema = z.object({ id: regieId, ...regieFields }).superRefine(numcliWhenOnline);

export const ZRegieDeleteSchema = z.object({ id: regieId });
