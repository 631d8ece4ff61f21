import { dayPartClashMessage, firstDayPartClash, resolveDayPartTicks } from "./day-parts";

describe("journée and demi-journée", () => {
  it("lets a morning and an afternoon go together, not with the full day of the same date", () => {
    const morning = { day: "2027-04-14", dayPart: "MORNING" as const };
    expect(firstDayPartClash([morning], [{ day: "2027-04-14", dayPart: "AFTERNOON" }])).toBeNull();
    expect(firstDayPartClash([morning], [{ day: "2027-04-15", dayPart: "FULL_DAY" }])).toBeNull();
    expect(firstDayPartClash([{ day: "2027-04-14", dayPart: null }], [{ day: "2027-04-14", dayPart: "FULL_DAY" }])).toBeNull();
    const clash = firstDayPartClash([morning], [{ day: "2027-04-14", dayPart: "FULL_DAY" }]);
    expect(dayPartClashMessage(clash!)).toBe(
      "Le 14/04/2027 : la journée et une demi-journée ne peuvent pas être réservées ensemble.",
    );
  });

  it("does not judge the days already held against one another, only what is added", () => {
    const held = [
      { day: "2027-04-14", dayPart: "MORNING" as const },
      { day: "2027-04-14", dayPart: "FULL_DAY" as const },
    ];
    expect(firstDayPartClash(held, [])).toBeNull();
  });

  it("unticks the clashing boxes of the date on the planning, or refuses the tick when they are locked", () => {
    const parts = { j: "FULL_DAY", m: "MORNING", a: "AFTERNOON", r: null } as const;
    const partOf = (unitId: string) => parts[unitId as keyof typeof parts];
    const editable = new Set(["j|2027-04-14", "m|2027-04-14", "a|2027-04-14", "r|2027-04-14"]);
    const before = new Set(["m|2027-04-14", "a|2027-04-14", "r|2027-04-14"]);
    expect(resolveDayPartTicks(before, new Set([...before, "j|2027-04-14"]), partOf, editable)).toEqual({
      selected: new Set(["j|2027-04-14", "r|2027-04-14"]),
      unticked: ["m|2027-04-14", "a|2027-04-14"],
      refused: [],
    });
    const locked = new Set(["j|2027-04-14", "a|2027-04-14"]);
    expect(resolveDayPartTicks(before, new Set([...before, "j|2027-04-14"]), partOf, locked)).toEqual({
      selected: before,
      unticked: [],
      refused: ["j|2027-04-14"],
    });
  });
});
