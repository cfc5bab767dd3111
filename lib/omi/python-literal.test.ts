import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePythonLiteral, PythonLiteralError } from "./python-literal";

describe("parsePythonLiteral", () => {
  it.each([
    ["single quotes", "'hello'", "hello"],
    ["double quotes", '"hello"', "hello"],
    ["a ' inside double quotes", `"Priya's café"`, "Priya's café"],
    ["\\' when both quote kinds occur", `'Use "git worktree" — it\\'s faster'`, `Use "git worktree" — it's faster`],
    ["escaped backslash", "'a\\\\b'", "a\\b"],
    ["\\n \\t \\r escapes", "'a\\nb\\tc\\rd'", "a\nb\tc\rd"],
    ["\\x escape", "'\\x41\\xe9'", "Aé"],
    ["\\u escape", "'\\u00e9\\u65e5'", "é日"],
    ["\\U escape (astral)", "'\\U0001f680'", "🚀"],
    ["octal escape", "'\\101\\0'", "A\0"],
    ["unknown escape kept", "'a\\qb'", "a\\qb"],
    ["raw emoji and accents", "'🚀 São Paulo 日本'", "🚀 São Paulo 日本"],
    ["None inside a string stays text", "'None of True is False'", "None of True is False"],
    ["adjacent strings concatenate", "'a' \"b\"", "ab"],
    ["raw string", "r'a\\nb'", "a\\nb"],
    ["triple-quoted string", "'''a\nb'''", "a\nb"],
    ["True", "True", true],
    ["False", "False", false],
    ["None", "None", null],
    ["int", "42", 42],
    ["negative int", "-7", -7],
    ["float", "-23.561414", -23.561414],
    ["exponent", "1e-05", 0.00001],
    ["underscores", "1_000", 1000],
    ["hex", "0xff", 255],
    ["empty list", "[]", []],
    ["empty dict", "{}", {}],
    ["tuple", "(1, 'a')", [1, "a"]],
    ["one-tuple", "(1,)", [1]],
    ["set", "{1, 2}", [1, 2]],
    ["trailing comma in list", "[1, 2,]", [1, 2]],
    ["nested", "{'a': [{'b': None, 'c': (True, False)}], 1: {'d': []}}", { a: [{ b: null, c: [true, false] }], "1": { d: [] } }],
    ["whitespace and newlines", " {\n 'a' :\t1 ,\n} ", { a: 1 }],
  ])("parses %s", (_name, source, expected) => {
    expect(parsePythonLiteral(source)).toEqual(expected);
  });

  it.each([
    ["an unterminated string", "'abc"],
    ["a line break in a single-quoted string", "'a\nb'"],
    ["a name that is not a literal", "datetime.date(2026, 3, 12)"],
    ["JSON true", "true"],
    ["JSON null", "null"],
    ["a missing comma", "[1 2]"],
    ["a missing colon", "{'a' 1}"],
    ["text after the value", "{'a': 1} x"],
    ["a list as a dict key", "{[1]: 2}"],
    ["a bad \\x escape", "'\\xZZ'"],
    ["an empty input", ""],
    ["a bad number", "12abc"],
    ["a function call", "float('inf')"],
  ])("refuses %s with a position", (_name, source) => {
    expect(() => parsePythonLiteral(source)).toThrow(PythonLiteralError);
  });

  it("refuses nesting beyond the depth limit instead of overflowing the stack", () => {
    expect(() => parsePythonLiteral("[".repeat(5000) + "]".repeat(5000))).toThrow(/Nested too deeply/);
  });

  it("keeps a key named __proto__ as data", () => {
    const value = parsePythonLiteral("{'__proto__': {'polluted': True}}") as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads the fixture's legacy summary exactly as its summary_json (ast.literal_eval(summary) == summary_json)", () => {
    const body = JSON.parse(readFileSync("tests/fixtures/omi/day-summary.json", "utf8")) as {
      summary: string;
      summary_json: unknown;
    };
    expect(parsePythonLiteral(body.summary)).toEqual(body.summary_json);
  });
});
