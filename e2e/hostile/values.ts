/** Building blocks of hostile inputs: wrong-typed values, deep nesting, odd strings and bytes. */
import type { Rng } from "./prng";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `[[[…]]]` nested `depth` levels, as text (JSON.stringify would recurse that deep too). */
export function deepArrayText(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

export function deepObjectText(depth: number): string {
  return '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

/** Strings that Postgres or JSON treat specially, as JSON string literals (escapes kept as escapes). */
export const oddStringLiterals = [
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  '"\\udfff"',
  '"x\\udc00\\ud800y"',
  '"\\ud83d"',
  '"\\u0000\\ud800\\u0000"',
  '"\\u202e\\u200b\\ufeff"',
  '"<script>alert(1)</script>"',
  '"\'; drop table memories; --"',
  '"%00%2e%2e/"',
  '"\\\\x00"',
];

/** A value of another JSON type than `original` (or an odd one of the same type). */
export function wrongValue(r: Rng, original: Json): Json {
  const byType: Record<string, Json[]> = {
    number: ["12", "", "NaN", [], {}, true, null, "1e999"],
    string: [12345, -1, 1.5, 1e308, true, false, null, [], ["a"], {}, { a: "b" }, ""],
    boolean: ["true", 1, 0, null, [], {}, "yes"],
    object: ["{}", 1, true, null, [], ["x"], "object"],
    array: ["[]", 1, true, null, {}, { "0": "a" }, "a,b"],
    null: [0, "", false, [], {}],
  };
  const type = original === null ? "null" : Array.isArray(original) ? "array" : typeof original;
  return r.pick(byType[type] ?? byType.null!);
}

/** Every path into a JSON value; arrays contribute their first two elements. */
export function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) {
    value.slice(0, 2).forEach((v, i) => {
      out.push([...prefix, i], ...pathsOf(v, [...prefix, i]));
    });
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...pathsOf(v, [...prefix, k]));
  }
  return out;
}

/** A copy of `value` with `path` replaced (or deleted when `replacement` is undefined). */
export function withPath(value: Json, path: (string | number)[], replacement: Json | undefined): Json {
  const copy = structuredClone(value);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = (node as Record<string, Json>)[key as string]!;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete (node as Record<string, Json>)[last as string];
  } else {
    (node as Record<string, Json>)[last as string] = replacement;
  }
  return copy;
}

/** Paths whose value is a string (candidates for huge or odd strings). */
export function stringPaths(value: Json): (string | number)[][] {
  return pathsOf(value).filter((p) => {
    let node: Json = value;
    for (const k of p) node = (node as Record<string, Json>)[k as string]!;
    return typeof node === "string";
  });
}

/** JSON text of `value` with the string at `path` replaced by raw JSON text `literal`. */
export function withLiteralAt(value: Json, path: (string | number)[], literal: string): string {
  const marker = `__hostile_marker_${Math.random().toString(36).slice(2)}__`;
  return JSON.stringify(withPath(value, path, marker)).replace(JSON.stringify(marker), literal);
}

/** Bytes that are not well-formed UTF-8 (lone continuation, overlong, CESU surrogate, 0xFF). */
export const invalidUtf8 = [
  Buffer.from([0x80]),
  Buffer.from([0xc0, 0x80]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
  Buffer.from([0xe2, 0x82]),
];

export const invalidJsonTexts = [
  "",
  " ",
  "{",
  "}",
  "{'a': 1}",
  '{"a":1,}',
  '{"a":1}}',
  '{"a":1}{"b":2}',
  "NaN",
  "undefined",
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":01}',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '{"a":"unterminated}',
  "[1,2",
  "nul",
  "tru",
  '{"a":1 /* comment */}',
  "\u0000",
  '{"a":"line\nbreak"}',
  "<xml/>",
  "a=1&b=2",
];

/** Non-object JSON documents: parseable, but no event is an array or a number. */
export const nonObjectJson = ["null", "1", "-0", '"memory"', "[]", "[{}]", "true", "1e400"];
