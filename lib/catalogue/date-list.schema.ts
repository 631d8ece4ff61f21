import { z } from "zod";

import { parseDateList } from "./date-list";

export const MAX_DATES = 400;

/** A list of dates typed or pasted by staff (closures, per-day capacities), 400 at most. */
export const dateListField = (tooMany: string) =>
  z.string({ error: "Saisissez au moins une date." }).transform((text, context) => {
    const parsed = parseDateList(text);
    if (!parsed.ok) {
      context.addIssue({
        code: "custom",
        message: `Dates illisibles : ${parsed.invalid.join(", ")} (format attendu : JJ/MM/AAAA).`,
      });
      return z.NEVER;
    }
    if (parsed.days.length === 0) {
      context.addIssue({ code: "custom", message: "Saisissez au moins une date." });
      return z.NEVER;
    }
    if (parsed.days.length > MAX_DATES) {
      context.addIssue({ code: "custom", message: tooMany });
      return z.NEVER;
    }
    return parsed.days;
  });
