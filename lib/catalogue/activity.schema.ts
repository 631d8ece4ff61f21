import { z } from "zod";

import { displayOrder, optionalId, requiredNamedText } from "@/lib/validation/form-fields";

export const ZActivitySchema = z.object({
  // The code names the activity in data and exports (RESTAURATION_SCOLAIRE, ALSH…).
  code: requiredNamedText("Le code", 40)
    .transform((value) => value.toUpperCase())
    .pipe(
      z
        .string()
        .regex(
          /^[A-Z0-9_]+$/,
          "Le code ne peut contenir que des lettres sans accent, des chiffres et « _ » (exemple : SPORTS_VACANCES).",
        ),
    ),
  name: requiredNamedText("Le nom de l'activité", 120),
  sortOrder: displayOrder,
  // The régie that bills it (issue #14): online payment is the régie's. Empty: billed by none.
  regieId: optionalId("Régie introuvable : rechargez la page."),
});
export type TActivity = z.output<typeof ZActivitySchema>;

export const ZActivityUpdateSchema = ZActivitySchema.extend({ id: z.uuid({ error: "Activité introuvable." }) });
