import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { safeNext } from "./redirects";

describe("passwords", () => {
  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong", hash)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
  });
});

describe("safeNext", () => {
  it.each([
    ["/memories?q=a", "/memories?q=a"],
    ["//evil.example", "/memories"],
    ["/\\evil.example", "/memories"],
    ["https://evil.example/x", "/memories"],
    [undefined, "/memories"],
  ])("%s → %s", (input, expected) => expect(safeNext(input)).toBe(expected));
});
