import { z } from "zod";

// What a form posts, as the action's zod schema reads it, in the browser (the staff forms' check
// before submitting) and in the action builders (lib/auth/action.ts) alike, so that both refuse
// a form with the same French messages.

export type FieldErrors = Record<string, string[]>;
export type ValidationFailure = { ok: false; error: string; fieldErrors: FieldErrors };

export const INVALID_FORM_MESSAGE = "Le formulaire contient des erreurs : vérifiez les champs signalés.";

/**
 * A FormData as a plain object. A name posted several times (the ticked boxes of a checkbox
 * group) becomes the list of its values; a name posted once stays one value. React's own
 * `$ACTION…` entries and a `__proto__` name are left out. Anything else than a FormData is returned as it is.
 */
export function formDataToObject(input: unknown): unknown {
  if (typeof FormData === "undefined" || !(input instanceof FormData)) return input;
  const object: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(input.keys())) {
    // `__proto__` would set the object's prototype (to a posted file, or a list) instead of a key.
    if (key.startsWith("$ACTION") || key === "__proto__") continue;
    const values = input.getAll(key);
    object[key] = values.length === 1 ? values[0] : values;
  }
  return object;
}

/** A refused parse as an action's result: the form's message and the first errors per field. */
export function validationFailure(error: z.ZodError): ValidationFailure {
  const flat = z.flattenError(error);
  return { ok: false, error: flat.formErrors[0] ?? INVALID_FORM_MESSAGE, fieldErrors: flat.fieldErrors as FieldErrors };
}

/** The action's own schema checked in the browser before posting: its refusal, or null when the form may go. */
export function checkFormData(schema: z.ZodType, data: FormData): ValidationFailure | null {
  const checked = schema.safeParse(formDataToObject(data));
  return checked.success ? null : validationFailure(checked.error);
}
