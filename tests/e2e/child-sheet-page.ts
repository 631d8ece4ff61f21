// The child sheet's form as the browser tests see it: the parents' (/espace/enfants/[id]) and
// the staff's (/admin/familles/[id]/enfants/[childId]) show the same six sections.
import type { Page } from "playwright-core";

import { expectVisible } from "./browser";

const CHILD_SHEET_SECTIONS = [
  "Informations de l'enfant",
  "Renseignements médicaux",
  "L'enfant a-t-il un régime alimentaire spécifique ?",
  "Les personnes à contacter en cas d'urgence",
  "Les personnes autorisées à venir chercher l'enfant",
  "Autorisations",
];

/** Waits for each of the sheet's six section headings. */
export async function expectChildSheetSections(page: Page): Promise<void> {
  for (const section of CHILD_SHEET_SECTIONS) await expectVisible(page.getByRole("heading", { name: section, exact: true }));
}
