import { z } from "zod";

import { blankToNull, checkbox, optionalId, optionalNamedText, requiredNamedText } from "@/lib/validation/form-fields";

export const ZEstablishmentSchema = z.object({
  name: requiredNamedText("Le nom de l'établissement", 120).transform((value) => value.replace(/\s+/g, " ")),
  schoolId: optionalId("École introuvable."),
  // The row's nullable column: no address is NULL.
  address: optionalNamedText("L'adresse", 300).transform(blankToNull),
  active: checkbox,
});
export type TEstablishment = z.output<typeof ZEstablishmentSchema>;

export const ZEstablishmentUpdateSchema = ZEstablishmentSchema.extend({ id: z.uuid({ error: "Établissement introuvable." }) });
