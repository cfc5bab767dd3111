import { describe, expect, it } from "vitest";
import { withOmiPrecision } from "./precise-time";

describe("withOmiPrecision: Omi's microseconds in the typed times", () => {
  it.each([
    ["2026-12-01T09:33:03.237Z", "2026-12-01T09:33:03.237616+00:00", "2026-12-01T09:33:03.237616Z"],
    // Another offset, the same instant.
    ["2026-12-01T09:33:03.237Z", "2026-12-01T11:33:03.2376+02:00", "2026-12-01T09:33:03.237600Z"],
    // Naive (read as UTC, as Omi stores it).
    ["2026-12-01T09:33:03.237Z", "2026-12-01T09:33:03.237616", "2026-12-01T09:33:03.237616Z"],
    // Omi sent milliseconds or less: nothing to add.
    ["2026-12-01T09:33:03.000Z", "2026-12-01T09:33:03+00:00", "2026-12-01T09:33:03.000Z"],
    ["2026-12-01T09:33:03.237Z", "2026-12-01T09:33:03.237Z", "2026-12-01T09:33:03.237Z"],
    // Omi's text is another instant (the column came from elsewhere): ours stands.
    ["2026-12-01T09:33:04.000Z", "2026-12-01T09:33:03.237616+00:00", "2026-12-01T09:33:04.000Z"],
    ["2026-12-01T09:33:03.237Z", "not a time.123456", "2026-12-01T09:33:03.237Z"],
    [null, "2026-12-01T09:33:03.237616+00:00", null],
  ])("%s with %s", (iso, omi, expected) => {
    expect(withOmiPrecision(iso, omi)).toBe(expected);
  });
});
