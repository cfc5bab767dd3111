import { describe, expect, it } from "vitest";
import { groupByDay } from "./group";

describe("groupByDay", () => {
  const now = new Date("2026-11-21T12:00:00Z");
  const items = ["2026-11-21T23:30:00Z", "2026-11-21T08:00:00Z", "2026-11-20T22:00:00Z", "2026-11-18T09:00:00Z"].map((startedAt) => ({
    startedAt,
  }));

  it("groups by the viewer's day, newest first, naming today and yesterday", () => {
    const groups = groupByDay(items, "Europe/Berlin", now);
    // 23:30Z is already the 22nd in Berlin; 22:00Z on the 20th is 23:00 on the 20th.
    expect(groups.map((g) => [g.day, g.items.length])).toEqual([
      ["2026-11-22", 1],
      ["2026-11-21", 1],
      ["2026-11-20", 1],
      ["2026-11-18", 1],
    ]);
    expect(groups[1]!.label).toBe("Today");
    expect(groups[2]!.label).toBe("Yesterday");
  });

  it("puts a whole UTC day together in UTC", () => {
    expect(groupByDay(items, "UTC", now).map((g) => g.items.length)).toEqual([2, 1, 1]);
  });
});
