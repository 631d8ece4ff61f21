import { ageGroupAt, ageInMonths } from "./age-group";
import {
  fitsOpeningHours,
  formatWeeklySchedule,
  minutesOnWeekday,
  parseWeeklySchedule,
  weeklyMinutes,
  ZWeeklySchedule,
} from "./schedule";

const MON_THU = [1, 2, 3, 4].map((weekday) => ({ weekday, from: "08:30", to: "17:30" }));

describe("a weekly planning", () => {
  it("counts its minutes per week and per weekday", () => {
    expect(weeklyMinutes(MON_THU)).toBe(4 * 9 * 60);
    expect(minutesOnWeekday(MON_THU, 2)).toBe(540);
    expect(minutesOnWeekday(MON_THU, 5)).toBe(0);
  });

  it("groups consecutive days with the same hours when it is shown", () => {
    expect(formatWeeklySchedule(MON_THU)).toBe("Lun–Jeu 8h30–17h30");
    expect(formatWeeklySchedule([...MON_THU, { weekday: 5, from: "08:30", to: "12:00" }])).toBe(
      "Lun–Jeu 8h30–17h30 ; Ven 8h30–12h00",
    );
    expect(formatWeeklySchedule([MON_THU[0], MON_THU[2]])).toBe("Lun 8h30–17h30 ; Mer 8h30–17h30");
  });

  it("refuses a day twice, a weekend day, an empty week and a departure before the arrival", () => {
    expect(ZWeeklySchedule.safeParse([MON_THU[0], MON_THU[0]]).success).toBe(false);
    expect(ZWeeklySchedule.safeParse([{ weekday: 6, from: "08:30", to: "12:00" }]).success).toBe(false);
    expect(ZWeeklySchedule.safeParse([]).success).toBe(false);
    const late = ZWeeklySchedule.safeParse([{ weekday: 1, from: "17:30", to: "08:30" }]);
    expect(late.success).toBe(false);
    expect(late.error?.issues[0].message).toBe("L'heure de départ doit suivre l'heure d'arrivée.");
  });

  it("reads a stored value back sorted, and a malformed one as empty", () => {
    expect(parseWeeklySchedule([MON_THU[3], MON_THU[0]]).map((slot) => slot.weekday)).toEqual([1, 4]);
    expect(parseWeeklySchedule({ lundi: "8h" })).toEqual([]);
  });

  it("fits a crèche's opening hours or not", () => {
    expect(fitsOpeningHours(MON_THU, "07:30", "18:30")).toBe(true);
    expect(fitsOpeningHours(MON_THU, "09:00", "18:30")).toBe(false);
  });
});

describe("a child's age group at a date", () => {
  it("counts whole months", () => {
    expect(ageInMonths("2025-03-15", "2026-09-14")).toBe(17);
    expect(ageInMonths("2025-03-15", "2026-09-15")).toBe(18);
    expect(ageInMonths("2027-01-10", "2026-12-01")).toBeLessThan(0);
  });

  it("is « bébés » under 18 months (and before birth), « moyens » to 30, « grands » from 30", () => {
    expect(ageGroupAt("2027-01-10", "2026-12-01")).toBe("BEBES");
    expect(ageGroupAt("2025-03-15", "2026-09-14")).toBe("BEBES");
    expect(ageGroupAt("2025-03-15", "2026-09-15")).toBe("MOYENS");
    expect(ageGroupAt("2025-03-15", "2027-09-14")).toBe("MOYENS");
    expect(ageGroupAt("2025-03-15", "2027-09-15")).toBe("GRANDS");
  });
});
