import { DIET_LIST_LABELS } from "@/lib/children/child-labels";
import { formatDay } from "@/lib/dates/calendar-day";
import type { DietKind } from "@/lib/db/generated/client";

import { toCsv } from "./csv";
import type { DailyListUnit, KitchenCounts } from "./daily-list";

export const dietLabel = (diet: DietKind | null) => DIET_LIST_LABELS[diet ?? "AUCUN"];

export function dailyListCsv(day: string, units: DailyListUnit[]): string {
  const rows: (string | number | null)[][] = [
    [
      "Date",
      "Établissement",
      "Activité",
      "Unité",
      "Horaires",
      "État",
      "Enfant",
      "École",
      "Niveau",
      "Classe",
      "Régime",
      "Allergie / PAI",
      "Personnes à prévenir",
    ],
  ];
  for (const unit of units) {
    for (const [state, children] of [
      ["Accepté", unit.accepted],
      ["En attente de validation", unit.pending],
    ] as const) {
      for (const child of children) {
        rows.push([
          formatDay(day),
          unit.establishment,
          unit.activity,
          unit.label,
          unit.hours,
          state,
          child.name,
          child.school,
          child.schoolLevel,
          child.schoolClass,
          dietLabel(child.diet),
          child.allergyOrPai ? "Oui" : "Non",
          child.emergencyContacts,
        ]);
      }
    }
  }
  return toCsv(rows);
}

export function kitchenCsv(counts: KitchenCounts): string {
  const rows: (string | number)[][] = [["Date", "Établissement", "Régime", "Repas"]];
  for (const row of counts.rows) {
    for (const day of counts.days) {
      for (const [diet, meals] of Object.entries(row.perDay[day]))
        rows.push([formatDay(day), row.establishment, dietLabel(diet as DietKind), meals]);
    }
  }
  rows.push(["Total", "", "", counts.total]);
  return toCsv(rows);
}
