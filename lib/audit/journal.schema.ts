import { z } from "zod";

export const ZJournalFilterSchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  /** A family's name, or part of it (the journal's « Famille » field). */
  family: z.string().trim().max(200).optional().catch(undefined),
  /** One family exactly: the family page's link to its journal. */
  familyId: z.uuid().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
});
export type TJournalFilter = z.output<typeof ZJournalFilterSchema>;
