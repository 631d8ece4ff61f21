import { z } from "zod";

/** « Renvoyer » on the page « Envois »: the outbox row to put back in the queue. */
export const ZResendMailSchema = z.object({
  id: z.uuid("E-mail introuvable."),
});
export type TResendMail = z.output<typeof ZResendMailSchema>;
