import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePythonLiteral } from "./python-literal";
import { floatRepr, pythonRepr, PyFloat } from "./python-repr";

const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures");

/** Undoes the tags of tests/fixtures/python/make-repr-cases.py: floats stay floats, dicts keep their order. */
function untag(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(untag);
  if (v !== null && typeof v === "object") {
    if ("$float" in v) {
      const text = (v as { $float: string }).$float;
      return new PyFloat(text === "inf" ? Infinity : text === "-inf" ? -Infinity : text === "nan" ? NaN : Number(text));
    }
    return new Map((v as { $dict: [unknown, unknown][] }).$dict.map(([k, val]) => [untag(k), untag(val)]));
  }
  return v;
}

/** What the parser gives back: numbers for floats, objects for dicts. */
function plain(v: unknown): unknown {
  if (v instanceof PyFloat) return v.value;
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, val]) => [k, plain(val)]));
  return Array.isArray(v) ? v.map(plain) : v;
}

describe("pythonRepr", () => {
  const generated = JSON.parse(readFileSync(path.join(fixtures, "python/repr-cases.json"), "utf8")) as {
    python: string;
    cases: { value: unknown; str: string }[];
  };

  it.each(generated.cases.map((c) => [c.str, c.value] as const))("writes %s as Python's str() does", (expected, value) => {
    expect(pythonRepr(untag(value))).toBe(expected);
  });

  it("writes exactly what Python's str() wrote for the day-summary fixture", () => {
    const body = JSON.parse(readFileSync(path.join(fixtures, "omi/day-summary.json"), "utf8")) as {
      summary: string;
      summary_json: unknown;
    };
    expect(pythonRepr(body.summary_json)).toBe(body.summary);
  });

  it("round-trips through the parser", () => {
    const value = {
      a: "it's",
      b: 'say "hi"',
      c: `both ' and "`,
      d: [1, 2.5, -0.5, true, false, null],
      e: "tab\there\\n",
      f: "🚀 São",
      g: "\u0000\u200b\ud800\u{10ffff}",
      h: 1e-7,
      i: 1e21,
      j: {},
    };
    expect(parsePythonLiteral(pythonRepr(value))).toEqual(value);
    for (const c of generated.cases) {
      if (/\b(inf|nan)\b/.test(c.str)) continue; // not literals: ast.literal_eval refuses them too
      expect(parsePythonLiteral(pythonRepr(untag(c.value))), c.str).toEqual(plain(untag(c.value)));
    }
  });

  it("writes whole numbers as ints unless told they are floats", () => {
    expect(pythonRepr(71)).toBe("71");
    expect(pythonRepr(new PyFloat(71))).toBe("71.0");
    expect(pythonRepr(1e21)).toBe("1000000000000000000000");
    expect(floatRepr(1e21)).toBe("1e+21");
    expect(pythonRepr(-0)).toBe("0");
  });
});
