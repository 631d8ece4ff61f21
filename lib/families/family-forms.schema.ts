import { z } from "zod";

import { UNEXPECTED_FIELD } from "@/lib/validation/form-fields";

/**
 * The two forms of a family's record or child sheet: the parent's (the data and what only the
 * family answers: statements, « J'accepte ») and the Guichet unique's (the same data for the
 * family named by its id; what only the family answers is not part of it, so a posted one is
 * refused as unexpected data). Both check the same rules across fields.
 */
export function parentAndStaffSchemas<TData extends z.ZodRawShape, TParentOnly extends z.ZodRawShape>({
  data,
  parentOnly,
  notFound,
  refine,
}: {
  data: TData;
  parentOnly: TParentOnly;
  /** Said when the family's id is not one. */
  notFound: string;
  refine: (value: z.output<z.ZodObject<TData>>, context: z.RefinementCtx) => void;
}) {
  // Both objects' output holds the data's fields (TypeScript cannot see it through the generic spread).
  const check = (value: object, context: z.RefinementCtx) => refine(value as z.output<z.ZodObject<TData>>, context);
  return {
    parent: z.strictObject({ ...data, ...parentOnly }, { error: UNEXPECTED_FIELD }).superRefine(check),
    staff: z.strictObject({ familyId: z.uuid({ error: notFound }), ...data }, { error: UNEXPECTED_FIELD }).superRefine(check),
  };
}
