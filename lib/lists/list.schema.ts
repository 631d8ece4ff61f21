import { z } from "zod";

export const ZDailyListQuerySchema = z.object({
  date: z.iso.date({ error: "Choisissez une date." }),
  establishmentId: z.uuid().optional().catch(undefined),
});
export type TDailyListQuery = z.output<typeof ZDailyListQuerySchema>;

export const ZKitchenQuerySchema = z.object({
  date: z.iso.date({ error: "Choisissez une date." }),
  span: z.enum(["day", "week"]).optional().catch("day").default("day"),
});
export type TKitchenQuery = z.output<typeof ZKitchenQuerySchema>;
