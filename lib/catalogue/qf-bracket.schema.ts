import { z } from "zod";

import { requiredNamedText } from "@/lib/validation/form-fields";

/** A quotient typed in a form: "" → null, digits → a number, anything else → the error. */
function readQuotient(value: unknown, invalid: string, context: z.RefinementCtx): number | null | typeof z.NEVER {
  const text = String(value ?? "")
    .trim()
    .replace(/\s/g, "");
  if (text === "") return null;
  if (!/^\d{1,7}$/.test(text)) {
    context.addIssue({ code: "custom", message: invalid });
    return z.NEVER;
  }
  return Number(text);
}

const input = z.union([z.string(), z.number(), z.null()]).optional();

const requiredQuotient = (missing: string, invalid: string) =>
  input.transform((value, context): number => {
    const quotient = readQuotient(value, invalid, context);
    if (quotient === null) {
      context.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    return quotient;
  });

const optionalQuotient = (invalid: string) =>
  input.transform((value, context): number | null => readQuotient(value, invalid, context));

const bracketFields = {
  label: requiredNamedText("Le libellé", 100),
  /** Inclusive. */
  minQf: requiredQuotient(
    "Le QF minimum est obligatoire (0 pour la première tranche).",
    "Le QF minimum doit être un nombre entier positif ou nul.",
  ),
  /** Exclusive; empty for the last bracket. */
  maxQf: optionalQuotient("Le QF maximum doit être un nombre entier positif, ou vide pour la dernière tranche."),
};

function maxAboveMin(value: { minQf: number; maxQf: number | null }, context: z.RefinementCtx) {
  if (value.maxQf !== null && value.maxQf <= value.minQf) {
    context.addIssue({ code: "custom", path: ["maxQf"], message: "Le QF maximum doit être supérieur au QF minimum." });
  }
}

const bracketId = z.uuid({ error: "Tranche introuvable." });

export const ZQfBracketCreateSchema = z.object(bracketFields).superRefine(maxAboveMin);
export type TQfBracketCreate = z.input<typeof ZQfBracketCreateSchema>;

export const ZQfBracketUpdateSchema = z.object({ id: bracketId, ...bracketFields }).superRefine(maxAboveMin);
export type TQfBracketUpdate = z.input<typeof ZQfBracketUpdateSchema>;

export const ZQfBracketDeleteSchema = z.object({ id: bracketId });
