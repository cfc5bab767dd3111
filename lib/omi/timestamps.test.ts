import { describe, expect, it } from "vitest";
import { parseOmiTimestamp } from "./timestamps";

describe("parseOmiTimestamp", () => {
  it.each([
    ["microseconds and offset", "2026-03-12T17:05:12.418263+00:00", "2026-03-12T17:05:12.418Z"],
    ["no fraction", "2026-03-12T18:22:40+00:00", "2026-03-12T18:22:40.000Z"],
    ["naive (read as UTC)", "2026-03-12T22:00:41.583102", "2026-03-12T22:00:41.583Z"],
    ["phone Z", "2026-03-17T15:00:00.000Z", "2026-03-17T15:00:00.000Z"],
    ["other offset", "2026-03-12T10:00:00-03:00", "2026-03-12T13:00:00.000Z"],
    ["space separator", "2026-03-12 10:00:00", "2026-03-12T10:00:00.000Z"],
  ])("%s", (_name, input, iso) => {
    expect(parseOmiTimestamp(input)?.toISOString()).toBe(iso);
  });

  it.each(["", "yesterday", "2026-13-45T99:00:00", "12/03/2026"])("refuses %j", (input) => {
    expect(parseOmiTimestamp(input)).toBeNull();
  });
});

describe("omiTimestampForPostgres", () => {
  it.each([
    ["keeps microseconds and the offset", "2026-03-12T17:05:12.418263+00:00", "2026-03-12T17:05:12.418263+00:00"],
    ["adds Z to a naive time", "2026-03-12T22:00:41.583102", "2026-03-12T22:00:41.583102Z"],
    ["space separator", "2026-03-12 10:00:00", "2026-03-12T10:00:00Z"],
    ["a date alone is midnight UTC", "2026-03-12", "2026-03-12T00:00:00.000Z"],
  ])("%s", async (_name, input, expected) => {
    const { omiTimestampForPostgres } = await import("./timestamps");
    expect(omiTimestampForPostgres(input)).toBe(expected);
  });

  it("refuses what parseOmiTimestamp refuses", async () => {
    const { omiTimestampForPostgres } = await import("./timestamps");
    expect(omiTimestampForPostgres("yesterday")).toBeNull();
    expect(omiTimestampForPostgres(null)).toBeNull();
  });
});
