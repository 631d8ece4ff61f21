import { z } from "zod";

/** « Générer les attestations » of a calendar year. */
export const ZCertificateGenerationSchema = z.object({
  year: z.coerce.number({ error: "Année invalide." }).int({ error: "Année invalide." }).min(2020).max(2100),
});
