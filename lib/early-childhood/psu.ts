import { addDays, dayToDate, isoWeekday, type CalendarDay } from "@/lib/dates/calendar-day";

import { minutesOnWeekday, weeklyMinutes, type WeeklySchedule } from "./schedule";

// The CAF's PSU rule (prestation de service unique, SPEC §7, issue #15 point 5), as pure functions
// of plain values. Amounts are in cents, durations in minutes, taux d'effort in millionths
// (0,0619 % = 0.000619 → 619, as PsuYear stores them).
//
// - Monthly resources: the annual resources of year N-2 ÷ 12, rounded to the cent, then clamped
//   between the year's floor (plancher) and ceiling (plafond).
// - Taux d'effort: by the number of dependent children (1, 2, 3, 4 to 7, 8 and more); a family
//   where a child receives the AEEH takes the rate of one more child (« un rang en dessous »;
//   the 8+ rate stays the lowest).
// - Hourly rate: monthly resources × taux, rounded to the cent, half up (185,7 c → 1,86 €).
// - Mensualisation: the contract's days D = end − start + 1 (calendar days); its weeks = D ÷ 7;
//   its weeks of attendance = weeks − planned absence weeks × D ÷ 365 (absence weeks are per year,
//   pro rata of the contract's length); its months = the sum over its calendar months of
//   (days of the contract in the month ÷ days of the month), so a whole month counts 1 and the
//   first and last months count their share. Monthly hours = hours per week × weeks of attendance
//   ÷ months. A month's contracted hours = monthly hours × that month's share (prorated by days):
//   the months' hours add up to the contract's hours exactly. Minutes are rounded to the minute.
// - Amounts: minutes × hourly rate ÷ 60, rounded to the cent half up; extra hours likewise;
//   each deduction kind is the contract's minutes of its days × rate.
// - Illness (ILLNESS): the first three calendar days of an illness are a « délai de carence » and
//   stay billed; only the days from the 4th are deducted. One illness = ILLNESS days that follow
//   each other with no day the child was expected in between (a weekend does not break it).

export type PsuValues = {
  floorCents: number;
  ceilingCents: number;
  rateOneChild: number;
  rateTwoChildren: number;
  rateThreeChildren: number;
  rateFourChildren: number;
  rateEightChildren: number;
};

export type FamilyResources = { annualResourcesCents: number; dependentChildren: number; aeeh: boolean };

/** Annual resources N-2 ÷ 12, to the cent, within [floor, ceiling]. */
export function monthlyResourcesCents(
  annualResourcesCents: number,
  values: Pick<PsuValues, "floorCents" | "ceilingCents">,
): number {
  const monthly = Math.round(annualResourcesCents / 12);
  return Math.min(values.ceilingCents, Math.max(values.floorCents, monthly));
}

/** The taux d'effort (millionths) for the dependent children, one step lower with the AEEH. */
export function effortRate(values: PsuValues, dependentChildren: number, aeeh: boolean): number {
  const rank = Math.max(1, dependentChildren) + (aeeh ? 1 : 0);
  if (rank >= 8) return values.rateEightChildren;
  if (rank >= 4) return values.rateFourChildren;
  if (rank === 3) return values.rateThreeChildren;
  if (rank === 2) return values.rateTwoChildren;
  return values.rateOneChild;
}

/** Monthly resources × taux, to the cent (half up). */
export function hourlyRateCents(monthlyResources: number, rateMillionths: number): number {
  return Math.round((monthlyResources * rateMillionths) / 1_000_000);
}

export type PsuRate = { monthlyResourcesCents: number; rateMillionths: number; hourlyRateCents: number; atCeiling: boolean };

/**
 * The family's hourly rate for a year. Without resources for the year the family is billed at the
 * ceiling with the one-child rate (`atCeiling`: the invoicing run lists it as an anomaly).
 */
export function psuRate(values: PsuValues, resources: FamilyResources | null): PsuRate {
  if (!resources) {
    const rate = values.rateOneChild;
    return {
      monthlyResourcesCents: values.ceilingCents,
      rateMillionths: rate,
      hourlyRateCents: hourlyRateCents(values.ceilingCents, rate),
      atCeiling: true,
    };
  }
  const monthly = monthlyResourcesCents(resources.annualResourcesCents, values);
  const rate = effortRate(values, resources.dependentChildren, resources.aeeh);
  return {
    monthlyResourcesCents: monthly,
    rateMillionths: rate,
    hourlyRateCents: hourlyRateCents(monthly, rate),
    atCeiling: false,
  };
}

/** « 0,0619 % » from millionths. */
export function formatEffortRate(rateMillionths: number): string {
  return `${(rateMillionths / 10_000).toFixed(4).replace(".", ",")} %`;
}

/** « 0,0619 » (percent, as typed) → 619; null when it is not a number with at most four decimals. */
export function parseEffortRate(text: string): number | null {
  const normalised = text.replace(/\s|%/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,4})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 10_000);
}

function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / 86_400_000);
}

function daysInMonth(month: string): number {
  const [year, number] = month.split("-").map(Number);
  return new Date(Date.UTC(year, number, 0)).getUTCDate();
}

function monthFirst(month: string): CalendarDay {
  return `${month}-01`;
}

function monthLast(month: string): CalendarDay {
  return `${month}-${String(daysInMonth(month)).padStart(2, "0")}`;
}

function nextMonth(month: string): string {
  const [year, number] = month.split("-").map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
}

export type ContractTerms = {
  startDate: CalendarDay;
  endDate: CalendarDay;
  planning: WeeklySchedule;
  absenceWeeksPerYear: number;
};

/** The share of a month ("2026-11") the contract covers: its days in the month ÷ the month's days (0 to 1). */
export function monthShare(terms: Pick<ContractTerms, "startDate" | "endDate">, month: string): number {
  const from = terms.startDate > monthFirst(month) ? terms.startDate : monthFirst(month);
  const to = terms.endDate < monthLast(month) ? terms.endDate : monthLast(month);
  if (from > to) return 0;
  return (daysBetween(from, to) + 1) / daysInMonth(month);
}

export type Mensualisation = {
  contractDays: number;
  weeks: number;
  attendanceWeeks: number;
  months: number;
  /** Contracted minutes of a whole month (heures mensualisées). */
  monthlyMinutes: number;
};

/** The mensualisation of a contract (see the rule above). */
export function mensualisation(terms: ContractTerms): Mensualisation {
  const contractDays = daysBetween(terms.startDate, terms.endDate) + 1;
  const weeks = contractDays / 7;
  const attendanceWeeks = Math.max(0, weeks - (terms.absenceWeeksPerYear * contractDays) / 365);
  let months = 0;
  for (let month = terms.startDate.slice(0, 7); month <= terms.endDate.slice(0, 7); month = nextMonth(month)) {
    months += monthShare(terms, month);
  }
  const monthlyMinutes = months > 0 ? (weeklyMinutes(terms.planning) * attendanceWeeks) / months : 0;
  return { contractDays, weeks, attendanceWeeks, months, monthlyMinutes };
}

/** The contracted minutes billed for a month: monthly minutes × the month's share, to the minute. */
export function contractedMinutesOfMonth(terms: ContractTerms, month: string): number {
  return Math.round(mensualisation(terms).monthlyMinutes * monthShare(terms, month));
}

/** Minutes × hourly rate, to the cent (half up). */
export function amountOfMinutes(minutes: number, hourlyRate: number): number {
  return Math.round((minutes * hourlyRate) / 60);
}

/**
 * The ILLNESS days that are deducted: those from the 4th calendar day of their illness. An illness
 * runs on while the next ILLNESS day follows with only days without planned hours in between.
 */
export function deductibleIllnessDays(days: readonly CalendarDay[], planning: WeeklySchedule): Set<CalendarDay> {
  const sorted = [...new Set(days)].sort();
  const deducted = new Set<CalendarDay>();
  let illnessStart: CalendarDay | null = null;
  let previous: CalendarDay | null = null;
  for (const day of sorted) {
    let continues = previous !== null;
    if (previous !== null) {
      for (let between = addDays(previous, 1); between < day; between = addDays(between, 1)) {
        if (minutesOnWeekday(planning, isoWeekday(between)) > 0) {
          continues = false;
          break;
        }
      }
    }
    if (!continues) illnessStart = day;
    if (daysBetween(illnessStart!, day) >= 3) deducted.add(day);
    previous = day;
  }
  return deducted;
}

export type AdjustmentKind = "EXTRA_HOURS" | "CRECHE_CLOSURE" | "HOSPITALISATION" | "ILLNESS";
export type DayAdjustment = { date: CalendarDay; kind: AdjustmentKind; minutes: number };

export type MonthInvoiceLine = {
  kind: "CONTRACT" | AdjustmentKind;
  minutes: number;
  amountCents: number;
};

/**
 * The month's lines of a contract: contracted hours, extra hours, and one negative line per
 * deduction kind (ILLNESS without its days of carence). `adjustments` may hold other months' days
 * (an illness begun the month before); only the month's count. Kinds with no minutes give no line.
 */
export function monthInvoiceLines(
  terms: ContractTerms,
  month: string,
  hourlyRate: number,
  adjustments: readonly DayAdjustment[],
): MonthInvoiceLine[] {
  const inMonth = (day: CalendarDay) => day.slice(0, 7) === month;
  const contracted = contractedMinutesOfMonth(terms, month);
  const lines: MonthInvoiceLine[] = [
    { kind: "CONTRACT", minutes: contracted, amountCents: amountOfMinutes(contracted, hourlyRate) },
  ];
  const illness = deductibleIllnessDays(
    adjustments.filter((adjustment) => adjustment.kind === "ILLNESS").map((adjustment) => adjustment.date),
    terms.planning,
  );
  for (const kind of ["EXTRA_HOURS", "CRECHE_CLOSURE", "HOSPITALISATION", "ILLNESS"] as const) {
    const minutes = adjustments
      .filter((adjustment) => adjustment.kind === kind && inMonth(adjustment.date))
      .filter((adjustment) => kind !== "ILLNESS" || illness.has(adjustment.date))
      .reduce((sum, adjustment) => sum + adjustment.minutes, 0);
    if (minutes === 0) continue;
    const sign = kind === "EXTRA_HOURS" ? 1 : -1;
    lines.push({ kind, minutes, amountCents: sign * amountOfMinutes(minutes, hourlyRate) });
  }
  return lines;
}

/** « 151 h 40 » */
export function formatMinutesAsHours(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, "0")}`;
}
