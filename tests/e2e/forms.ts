// Filling a form as a person would, one field after the other, from a table of answers.
import type { Page } from "playwright-core";

/**
 * Fills the fields with these ids, in this order: a <select> gets the option with that value
 * (or that `label`), any other field gets the text typed in.
 */
export async function fillFields(page: Page, answers: Record<string, string | { label: string }>): Promise<void> {
  for (const [id, answer] of Object.entries(answers)) {
    const field = page.locator(`#${id}`);
    if ((await field.evaluate((element) => element.tagName)) === "SELECT") await field.selectOption(answer);
    else if (typeof answer === "string") await field.fill(answer);
    else throw new Error(`#${id} is not a <select>: no option to pick`);
  }
}
