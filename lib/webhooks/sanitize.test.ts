import { describe, expect, it } from "vitest";
import { sanitizeJson, sanitizeText } from "./sanitize";

describe("sanitize", () => {
  it("drops NUL characters and keeps the rest", () => {
    expect(sanitizeText("a\u0000b\u0000")).toBe("ab");
  });

  it("makes lone surrogates well-formed and keeps real pairs", () => {
    expect(sanitizeText("x\ud83dy")).toBe("x\ufffdy");
    expect(sanitizeText("🚀")).toBe("🚀");
  });

  it("walks objects, arrays and keys", () => {
    const parsed = JSON.parse('{"a\\u0000":["b\\u0000",{"c":"\\udc00"}],"n":1,"t":true,"z":null}') as unknown;
    expect(sanitizeJson(parsed)).toEqual({ a: ["b", { c: "\ufffd" }], n: 1, t: true, z: null });
  });

  it("keeps a __proto__ key as data", () => {
    const out = sanitizeJson(JSON.parse('{"__proto__":{"x":1}}')) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
