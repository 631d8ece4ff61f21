import { z } from "zod";
import { checkbox, optionalId, optionalText, requiredText } from "./form-values";

export const ZEstablishmentSchema = z.object({
  name: requiredText("Le nom de l'établissement", 120).transform((value) => value.replace(/\s+/g, " ")),
  schoolId: optionalId("École introuvable."),
  address: optionalText("L'adresse", 300),
  active: checkbox,
});
export type TEstablishment = z.output<typeof ZEstablishmentSchema>;

export const ZEstablishmentUpdateSchema = ZEstablishmentSchema.extend({ id: z.uuid({ error: "Établissement introuvable." }) });
