import { z } from "zod";

import { checkbox } from "@/lib/validation/form-fields";

export const ZNewsSchema = z.object({
  title: z
    .string({ error: "Le titre est obligatoire." })
    .trim()
    .min(3, "Le titre doit comporter au moins 3 caractères.")
    .max(200, "Le titre ne peut pas dépasser 200 caractères."),
  body: z
    .string({ error: "Le texte est obligatoire." })
    .trim()
    .min(1, "Le texte est obligatoire.")
    .max(5000, "Le texte ne peut pas dépasser 5 000 caractères."),
  published: checkbox,
});

export type TNews = z.input<typeof ZNewsSchema>;

export const ZNewsUpdateSchema = ZNewsSchema.pick({ title: true, body: true }).extend({
  id: z.uuid({ error: "Actualité introuvable." }),
});
