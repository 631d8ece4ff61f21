import { z } from "zod";

import { checkFormData, formDataToObject, INVALID_FORM_MESSAGE, validationFailure } from "./form-data";

describe("what a form posts, as a schema reads it", () => {
  it("keeps a name posted once as one value and a repeated name as the list of its values", () => {
    const data = new FormData();
    data.append("name", "ALSH");
    data.append("openWeekdays", "1");
    data.append("openWeekdays", "2");
    data.append("openWeekdays", "5");
    expect(formDataToObject(data)).toEqual({ name: "ALSH", openWeekdays: ["1", "2", "5"] });
  });

  it("keeps one ticked box of a group as one value, which the list rule reads as a list of one", () => {
    const data = new FormData();
    data.append("schoolLevels", "CM1");
    expect(formDataToObject(data)).toEqual({ schoolLevels: "CM1" });
  });

  it("leaves out React's own $ACTION entries and keeps files as files", () => {
    const data = new FormData();
    data.append("$ACTION_ID_abc", "");
    data.append("$ACTION_REF_1", "");
    const file = new File(["%PDF"], "reglement.pdf", { type: "application/pdf" });
    data.append("file", file);
    const object = formDataToObject(data) as Record<string, unknown>;
    expect(Object.keys(object)).toEqual(["file"]);
    expect(object.file).toBeInstanceOf(File);
  });

  it("leaves out a name that would set the object's prototype", () => {
    const data = new FormData();
    data.append("__proto__", new File(["x"], "x.txt"));
    data.append("__proto__", "a");
    data.append("label", "Cantine");
    const object = formDataToObject(data) as Record<string, unknown>;
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(object).toEqual({ label: "Cantine" });
    expect(Object.keys(object)).toEqual(["label"]);
  });

  it("passes anything else than a FormData through", () => {
    const input = { name: "ALSH" };
    expect(formDataToObject(input)).toBe(input);
  });

  it("reports a refused parse as the action does: the form's message and the errors per field", () => {
    const schema = z.object({ name: z.string().min(1, "Le nom est obligatoire.") });
    const parsed = schema.safeParse({ name: "" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(validationFailure(parsed.error)).toEqual({
      ok: false,
      error: INVALID_FORM_MESSAGE,
      fieldErrors: { name: ["Le nom est obligatoire."] },
    });
    const refined = z
      .object({})
      .refine(() => false, { error: "Choisissez une ligne ou une réservation." })
      .safeParse({});
    if (!refined.success) expect(validationFailure(refined.error).error).toBe("Choisissez une ligne ou une réservation.");
  });

  it("lets a form go when the action's schema accepts it, and refuses it with the action's answer otherwise", () => {
    const schema = z.object({
      name: z.string().trim().min(1, "Le nom est obligatoire."),
      openWeekdays: z.array(z.coerce.number()),
    });
    const form = new FormData();
    form.append("name", "ALSH");
    form.append("openWeekdays", "1");
    form.append("openWeekdays", "2");
    expect(checkFormData(schema, form)).toBeNull();
    form.set("name", "  ");
    expect(checkFormData(schema, form)).toEqual({
      ok: false,
      error: INVALID_FORM_MESSAGE,
      fieldErrors: { name: ["Le nom est obligatoire."] },
    });
  });
});
