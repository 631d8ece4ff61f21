import { z } from "zod";

import { requiredNamedText } from "@/lib/validation/form-fields";

// Server actions accept 1 MB bodies (Next's default): a règlement or a programme as a PDF fits.
export const SERVICE_DOCUMENT_MAX_BYTES = 1_000_000;

export const ZServiceDocumentSchema = z.object({
  activityId: z.uuid({ error: "Choisissez le service." }),
  kind: z.enum(["REGLEMENT", "TARIFS", "PROGRAMME"], { error: "Choisissez le type de document." }),
  title: requiredNamedText("Le titre", 200),
  file: z
    .instanceof(File, { error: "Choisissez un fichier PDF." })
    .refine((file) => file.size > 0, "Choisissez un fichier PDF.")
    .refine((file) => file.size <= SERVICE_DOCUMENT_MAX_BYTES, "Le fichier ne doit pas dépasser 1 Mo."),
});

export const ZServiceDocumentIdSchema = z.object({ id: z.uuid() });
export const ZNewsPublishSchema = z.object({
  id: z.uuid(),
  published: z
    .union([z.literal("true"), z.literal("false"), z.boolean()])
    .transform((value) => value === true || value === "true"),
});
