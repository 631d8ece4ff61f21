import { z } from "zod";

import { parseEuros } from "./unit-rules";

export const PRICE_FIELD_PREFIX = "price_";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tariffs of one unit, one field per QF bracket ("price_<bracketId>", euros as typed:
 * "3,50"), saved together. Each field's error is reported on that field.
 */
export const ZTariffsSchema = z
  .object({ unitId: z.uuid({ error: "Unité introuvable." }) })
  .catchall(z.unknown())
  .transform((input, context) => {
    const prices: { bracketId: string; priceCents: number }[] = [];
    for (const [key, value] of Object.entries(input)) {
      if (!key.startsWith(PRICE_FIELD_PREFIX)) continue;
      const bracketId = key.slice(PRICE_FIELD_PREFIX.length);
      if (!UUID.test(bracketId)) {
        context.addIssue({ code: "custom", message: "Tranche de quotient familial introuvable : rechargez la page." });
        return z.NEVER;
      }
      const text = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
      if (text === "") {
        context.addIssue({ code: "custom", path: [key], message: "Le prix est obligatoire (0 si gratuit)." });
        continue;
      }
      const priceCents = parseEuros(text);
      if (priceCents === null) {
        context.addIssue({
          code: "custom",
          path: [key],
          message: "Prix invalide : saisissez un montant positif en euros, par exemple 3,50.",
        });
        continue;
      }
      prices.push({ bracketId, priceCents });
    }
    if (prices.length === 0 && !context.issues?.length) {
      context.addIssue({ code: "custom", message: "Aucune tranche de quotient familial : créez d'abord les tranches." });
      return z.NEVER;
    }
    return { unitId: input.unitId, prices };
  });
export type TTariffs = z.input<typeof ZTariffsSchema>;
