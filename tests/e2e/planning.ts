// The parents' planning (Nouvelle réservation), as the browser tests move through it.
import type { Page } from "playwright-core";

import type { CalendarDay } from "@/lib/dates/calendar-day";
import { monthLabel, monthOf } from "@/lib/reservations/booking-rules";

/** Pages the planning (« Mois suivant » / « Mois précédent ») to the month of `day`. */
export async function gotoMonth(page: Page, day: CalendarDay): Promise<void> {
  const wanted = monthOf(day);
  for (let tries = 0; tries < 12; tries += 1) {
    const shown = (
      await page
        .getByRole("heading", { level: 2 })
        .filter({ hasText: /\d{4}$/ })
        .first()
        .textContent()
    )?.trim();
    if (shown === monthLabel(wanted)) return;
    // The month shown, as "2026-12": the one of its year whose label the heading reads.
    const year = (shown ?? "").split(" ")[1];
    const shownMonth = Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, "0")}`).find(
      (month) => monthLabel(month) === shown,
    );
    if (!shownMonth) throw new Error(`the planning shows no month heading (read: ${shown})`);
    await page.getByRole("button", { name: shownMonth < wanted ? "Mois suivant" : "Mois précédent" }).click();
  }
  throw new Error(`month of ${day} not reached`);
}
