import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, formatLongDate, isIsoDate, isIsoMonth, lastDayOfMonth, monthWeeks, todayIn } from "./dates";

describe("calendar dates", () => {
  it("accepts only real dates", () => {
    expect(isIsoDate("2026-03-12")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-3-12")).toBe(false);
    expect(isIsoDate("2026-03-12T00:00:00Z")).toBe(false);
    expect(isIsoMonth("2026-11")).toBe(true);
    expect(isIsoMonth("2026-00")).toBe(false);
  });

  it("does day and month arithmetic across year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(lastDayOfMonth("2028-02")).toBe("2028-02-29");
  });

  it("lays out a month Monday first", () => {
    // 1 March 2026 is a Sunday.
    const weeks = monthWeeks("2026-03");
    expect(weeks[0]).toEqual([null, null, null, null, null, null, "2026-03-01"]);
    expect(weeks.at(-1)).toEqual(["2026-03-30", "2026-03-31", null, null, null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it("takes today from the account's zone", () => {
    const now = new Date("2026-03-12T23:30:00Z");
    expect(todayIn("UTC", now)).toBe("2026-03-12");
    expect(todayIn("Asia/Tokyo", now)).toBe("2026-03-13");
    expect(todayIn("America/Sao_Paulo", now)).toBe("2026-03-12");
    expect(todayIn("Not/AZone", now)).toBe("2026-03-12");
  });

  it("formats a date for people", () => {
    expect(formatLongDate("2026-11-21")).toBe("21 November 2026");
  });
});
