import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePythonLiteral } from "@/lib/omi/python-literal";
import { toPythonRepr } from "./python-repr";

describe("toPythonRepr", () => {
  it("writes exactly what Python's str() wrote for the fixture", () => {
    const body = JSON.parse(readFileSync("tests/fixtures/omi/day-summary.json", "utf8")) as { summary: string; summary_json: unknown };
    expect(toPythonRepr(body.summary_json)).toBe(body.summary);
  });

  it("round-trips through the parser", () => {
    const value = { a: "it's", b: 'say "hi"', c: `both ' and "`, d: [1, 2.5, -0.5, true, false, null], e: "tab\there\\n", f: "🚀 São" };
    expect(parsePythonLiteral(toPythonRepr(value))).toEqual(value);
  });
});
