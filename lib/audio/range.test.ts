import { describe, expect, it } from "vitest";
import { parseRange, type RangeAnswer } from "./range";

const TOTAL = 1044; // 44-byte header + 1000 bytes of PCM
const full: RangeAnswer = { kind: "full" };
const none: RangeAnswer = { kind: "unsatisfiable" };
const part = (start: number, end: number): RangeAnswer => ({ kind: "partial", start, end });

const table: [string | null, RangeAnswer][] = [
  [null, full],
  ["", full],
  ["bytes=0-0", part(0, 0)],
  ["bytes=0-43", part(0, 43)],
  ["bytes=10-20", part(10, 20)],
  ["bytes=40-100", part(40, 100)],
  ["bytes=100-", part(100, 1043)],
  ["bytes=0-", part(0, 1043)],
  ["bytes=-500", part(544, 1043)],
  ["bytes=-1044", part(0, 1043)],
  ["bytes=-5000", part(0, 1043)],
  ["bytes=1043-1043", part(1043, 1043)],
  ["bytes=1000-99999", part(1000, 1043)],
  ["BYTES = 5-6", part(5, 6)],
  ["bytes=1044-", none],
  ["bytes=2000-3000", none],
  ["bytes=-0", none],
  ["bytes=20-10", full],
  ["bytes=0-1,5-6", full],
  ["bytes=abc", full],
  ["bytes=-", full],
  ["items=0-10", full],
  ["bytes=1.5-3", full],
  ["bytes=99999999999999999999-", full],
];

describe("parseRange", () => {
  it.each(table)("%s", (header, expected) => {
    expect(parseRange(header, TOTAL)).toEqual(expected);
  });
});
