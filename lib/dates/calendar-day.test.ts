import { TZDate } from "@date-fns/tz";

import { addDays, eachDay, formatDateTime, formatDay, isCalendarDay, isoWeekday, parisToday } from "./calendar-day";

describe("calendar days", () => {
  it("knows today in Paris, not in UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1 in winter).
    expect(parisToday(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    // 22:30 UTC on 30 June is 00:30 on 1 July in Paris (UTC+2 in summer).
    expect(parisToday(new Date("2027-06-30T22:30:00Z"))).toBe("2027-07-01");
    expect(parisToday(new Date("2027-06-30T21:30:00Z"))).toBe("2027-06-30");
  });

  it("adds days across month, year and DST boundaries", () => {
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("gives ISO weekdays", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });

  it("lists each day of a range, bounds included", () => {
    expect(eachDay("2026-10-30", "2026-11-02")).toEqual(["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"]);
  });

  it("validates calendar days", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2027-02-29")).toBe(false);
    expect(isCalendarDay("26/11/2026")).toBe(false);
  });

  it("formats as JJ/MM/AAAA and HH:MM in Paris time", () => {
    expect(formatDay("2026-03-04")).toBe("04/03/2026");
    expect(formatDateTime(new Date("2026-03-04T09:06:00Z"))).toBe("04/03/2026 à 10:06");
    expect(formatDateTime(new Date("2026-07-04T09:06:00Z"))).toBe("04/07/2026 à 11:06");
  });

  it("reads the Paris clock as Intl does at every quarter hour around both 2026 clock changes (offset kept per UTC hour)", () => {
    const pad = (value: number) => String(value).padStart(2, "0");
    for (const change of ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"]) {
      for (let step = -16; step <= 16; step += 1) {
        const instant = new Date(new Date(change).getTime() + step * 15 * 60_000 - 1);
        const paris = new TZDate(instant.getTime(), "Europe/Paris");
        const expected = `${pad(paris.getDate())}/${pad(paris.getMonth() + 1)}/${paris.getFullYear()} à ${pad(paris.getHours())}:${pad(paris.getMinutes())}`;
        expect([instant.toISOString(), formatDateTime(instant)]).toEqual([instant.toISOString(), expected]);
        expect(parisToday(instant)).toBe(`${paris.getFullYear()}-${pad(paris.getMonth() + 1)}-${pad(paris.getDate())}`);
      }
    }
    // The hour before and after the spring change: 01:59:59 UTC+1, then 03:00 UTC+2.
    expect(formatDateTime(new Date("2026-03-29T00:59:59Z"))).toBe("29/03/2026 à 01:59");
    expect(formatDateTime(new Date("2026-03-29T01:00:00Z"))).toBe("29/03/2026 à 03:00");
  });
});
