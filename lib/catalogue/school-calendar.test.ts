import { addDays, isoWeekday } from "@/lib/dates/calendar-day";

import { bookableSchoolYears, schoolYear } from "./school-calendar";

// The official zone C calendars (arrêtés of the ministère de l'Éducation nationale), as
// closures: from the Saturday classes end to the Sunday before they resume.
const OFFICIAL_ZONE_C = {
  2023: {
    start: "2023-09-04",
    end: "2024-07-05",
    holidays: [
      ["2023-10-21", "2023-11-05"],
      ["2023-12-23", "2024-01-07"],
      ["2024-02-10", "2024-02-25"],
      ["2024-04-06", "2024-04-21"],
      ["2024-05-10", "2024-05-10"],
    ],
  },
  2024: {
    start: "2024-09-02",
    end: "2025-07-04",
    holidays: [
      ["2024-10-19", "2024-11-03"],
      ["2024-12-21", "2025-01-05"],
      ["2025-02-15", "2025-03-02"],
      ["2025-04-12", "2025-04-27"],
      ["2025-05-30", "2025-05-30"],
    ],
  },
  2025: {
    start: "2025-09-01",
    end: "2026-07-03",
    holidays: [
      ["2025-10-18", "2025-11-02"],
      ["2025-12-20", "2026-01-04"],
      ["2026-02-21", "2026-03-08"],
      ["2026-04-18", "2026-05-03"],
      ["2026-05-15", "2026-05-15"],
    ],
  },
  // The year the demo was first written with (prisma/seed.ts had these dates by hand).
  2026: {
    start: "2026-09-01",
    end: "2027-07-02",
    holidays: [
      ["2026-10-17", "2026-11-01"],
      ["2026-12-19", "2027-01-03"],
      ["2027-02-06", "2027-02-21"],
      ["2027-04-03", "2027-04-18"],
      ["2027-05-07", "2027-05-07"],
    ],
  },
} as const;

describe("the French school year, zone C", () => {
  it.each(Object.entries(OFFICIAL_ZONE_C))("computes the official calendar of %s", (startYear, official) => {
    const year = schoolYear(Number(startYear));
    expect(year.label).toBe(`${startYear}-${Number(startYear) + 1}`);
    expect({ start: year.start, end: year.end }).toEqual({ start: official.start, end: official.end });
    expect(year.holidays.map((holiday) => [holiday.from, holiday.to])).toEqual(official.holidays);
    expect(year.holidays.map((holiday) => holiday.reason)).toEqual([
      "Vacances de la Toussaint",
      "Vacances de Noël",
      "Vacances d'hiver",
      "Vacances de printemps",
      "Pont de l'Ascension",
    ]);
  });

  it("keeps the shape of a school year for the years to come (computed, not yet published)", () => {
    for (let startYear = 2027; startYear <= 2045; startYear++) {
      const year = schoolYear(startYear);
      expect([1, 2, 4]).toContain(isoWeekday(year.start)); // a Monday, Tuesday or Thursday
      expect(year.start >= `${startYear}-09-01` && year.start <= `${startYear}-09-04`).toBe(true);
      expect(isoWeekday(year.end)).toBe(5); // classes end on a Friday
      expect(year.end >= `${startYear + 1}-07-01` && year.end <= `${startYear + 1}-07-07`).toBe(true);
      const twoWeeks = year.holidays.slice(0, 4);
      for (const holiday of twoWeeks) {
        expect(isoWeekday(holiday.from)).toBe(6);
        expect(holiday.to).toBe(addDays(holiday.from, 15));
      }
      const bridge = year.holidays[4]; // none when the spring holidays take in the Friday after Ascension
      if (bridge) expect(isoWeekday(bridge.from)).toBe(5);
      // In order, inside the year, never overlapping.
      const bounds = year.holidays.flatMap((holiday) => [holiday.from, holiday.to]);
      expect([...bounds].sort()).toEqual(bounds);
      expect(year.start < bounds[0] && bounds[bounds.length - 1] < year.end).toBe(true);
      // Toussaint takes in 1 November; Noël takes in 25 December and 1 January.
      expect(twoWeeks[0].from < `${startYear}-11-01` && `${startYear}-11-01` <= twoWeeks[0].to).toBe(true);
      expect(twoWeeks[1].from <= `${startYear}-12-25` && `${startYear + 1}-01-01` <= twoWeeks[1].to).toBe(true);
    }
  });

  it("turns zone C's winter holidays between first, second and last place each year", () => {
    // The zones' first Saturday is the one between 4 and 10 February: 5 Feb 2028, 10 Feb 2029, 9 Feb 2030.
    expect(schoolYear(2027).holidays[2].from).toBe("2028-02-12"); // second
    expect(schoolYear(2028).holidays[2].from).toBe("2029-02-24"); // last
    expect(schoolYear(2029).holidays[2].from).toBe("2030-02-09"); // first
    expect(schoolYear(2034).holidays.map((holiday) => holiday.reason)).not.toContain("Pont de l'Ascension"); // in the spring holidays
  });

  it("offers the current school year, and the next one from June", () => {
    const labels = (today: string) => bookableSchoolYears(today).map((year) => year.label);
    expect(labels("2026-11-30")).toEqual(["2026-2027"]);
    expect(labels("2027-05-31")).toEqual(["2026-2027"]);
    expect(labels("2027-06-01")).toEqual(["2026-2027", "2027-2028"]);
    expect(labels("2027-06-20")).toEqual(["2026-2027", "2027-2028"]);
    expect(labels("2027-07-02")).toEqual(["2026-2027", "2027-2028"]); // the last day of class
    expect(labels("2027-07-03")).toEqual(["2027-2028"]); // summer: the year starting in September
    expect(labels("2027-07-15")).toEqual(["2027-2028"]);
    expect(labels("2027-09-15")).toEqual(["2027-2028"]);
    expect(labels("2027-10-31")).toEqual(["2027-2028"]);
    expect(labels("2028-01-10")).toEqual(["2027-2028"]);
  });
});
