import { describe, expect, it } from "vitest";
import { assertPatternAccepted, matchKeyword, matchPattern, patternProblem, toneOf } from "@/lib/notify/match";
import { quietUntil } from "@/lib/notify/quiet-hours";
import { placeholdersIn, promptProblem, templateProblem } from "@/lib/notify/scopes";
import { triggerSchema } from "@/lib/notify/trigger-schema";

describe("quiet hours", () => {
  const at = (iso: string) => new Date(iso);
  it("handles windows across midnight, in the account's zone", () => {
    const q = { start: "22:00", end: "07:00", timeZone: "Europe/Berlin" };
    // 23:30 in Berlin (summer, UTC+2) is 21:30 UTC.
    expect(quietUntil(q, at("2025-07-01T21:30:00Z"))?.toISOString()).toBe("2025-07-02T05:00:00.000Z");
    expect(quietUntil(q, at("2025-07-01T12:00:00Z"))).toBeNull();
    expect(quietUntil({ start: "09:00", end: "17:00", timeZone: "UTC" }, at("2025-07-01T08:59:00Z"))).toBeNull();
    expect(quietUntil({ start: "09:00", end: "17:00", timeZone: "UTC" }, at("2025-07-01T09:00:00Z"))?.toISOString()).toBe(
      "2025-07-01T17:00:00.000Z",
    );
    expect(quietUntil({ start: null, end: null, timeZone: "UTC" }, at("2025-07-01T09:00:00Z"))).toBeNull();
  });
});

describe("patterns (RE2)", () => {
  it("refuses what RE2 cannot run or what is too large, naming why", () => {
    const refused: [string, RegExp][] = [
      ["(a)\\1", /RE2 syntax.*\\1/],
      ["(?=a)b", /RE2 syntax.*\(\?=/],
      ["(?<!a)b", /RE2 syntax/],
      ["(unclosed", /RE2 syntax.*missing closing \)/],
      ["(a{100}){100}", /RE2 syntax.*repeat count/],
      ["\\w{1000}", /too complex \(1002 steps; at most 300\)/],
    ];
    for (const [p, why] of refused) expect(patternProblem(p), p).toMatch(why);
    for (const p of ["\\bcall (mom|dad)\\b", "meet(ing)?", "[a-z]+ o'clock", "\\d{1,2}:\\d{2}", "(a+)+$", "\\p{L}+", "(?P<who>mom|dad)"]) {
      expect(patternProblem(p), p).toBeNull();
    }
    expect(() => assertPatternAccepted({ kind: "regex", pattern: "(?=x)" })).toThrow(/trigger\.pattern: The pattern is refused/);
    expect(() => assertPatternAccepted({ kind: "keyword" })).not.toThrow();
    expect(triggerSchema.safeParse({ kind: "regex", pattern: "x".repeat(201) }).success).toBe(false);
  });

  it("matches in linear time: patterns that stall a backtracking engine answer at once", () => {
    const started = Date.now();
    expect(matchPattern("^(\\w+\\s?)*$", "a".repeat(1_990) + "!")).toBeNull();
    expect(matchPattern("\\w*\\w*\\w*\\w*\\w*!", "a".repeat(50_000))).toBeNull();
    // Generous: a backtracking engine needs years for the first; RE2 a few milliseconds.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(matchPattern("call (mom|dad)", "I will Call Mom later")).toBe("Call Mom");
    expect(matchPattern("(?=x)", "x")).toBeNull();
  });

  it("reads at most 2,000 characters of a segment", () => {
    expect(matchPattern("needle", "x".repeat(1_990) + " needle")).toBe("needle");
    expect(matchPattern("needle", "x".repeat(2_000) + " needle")).toBeNull();
  });

  it("matches keywords as whole words in any case", () => {
    expect(matchKeyword(["budget"], "The BUDGET, again")).toBe("budget");
    expect(matchKeyword(["budget"], "budgetary")).toBeNull();
    expect(matchKeyword(["café"], "au café!")).toBe("café");
  });
});

describe("tone", () => {
  it("scores with the local AFINN lexicon", () => {
    expect(toneOf("this is terrible, I hate it, awful")).toBeLessThan(-1);
    expect(toneOf("great, wonderful news")).toBeGreaterThan(1);
    expect(toneOf("")).toBe(0);
  });
});

describe("placeholders", () => {
  it("are checked against the declared scopes", () => {
    expect(placeholdersIn("{{ memory.title }} and {{memory.title}} {{profile.name}}")).toEqual(["memory.title", "profile.name"]);
    expect(templateProblem("{{memory.title}}", ["memory"])).toBeNull();
    expect(templateProblem("{{memory.title}}", ["transcript"])).toMatch(/\{\{memory\.title\}\}.*does not declare/);
    expect(templateProblem("{{secrets.token}}", ["memory"])).toMatch(/not a placeholder/);
    expect(promptProblem("{{user_facts}}", ["profile"])).toBeNull();
    expect(promptProblem("{{user_facts}}", ["transcript"])).toMatch(/does not declare/);
  });
});
