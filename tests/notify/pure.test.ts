import { describe, expect, it } from "vitest";
import { matchKeyword, matchPattern, toneOf } from "@/lib/notify/match";
import { quietUntil } from "@/lib/notify/quiet-hours";
import { placeholdersIn, promptProblem, templateProblem } from "@/lib/notify/scopes";
import { patternProblem, triggerSchema } from "@/lib/notify/trigger-schema";

describe("quiet hours", () => {
  const at = (iso: string) => new Date(iso);
  it("handles windows across midnight, in the account's zone", () => {
    const q = { start: "22:00", end: "07:00", timeZone: "Europe/Berlin" };
    // 23:30 in Berlin (summer, UTC+2) is 21:30 UTC.
    expect(quietUntil(q, at("2025-07-01T21:30:00Z"))?.toISOString()).toBe("2025-07-02T05:00:00.000Z");
    expect(quietUntil(q, at("2025-07-01T12:00:00Z"))).toBeNull();
    expect(quietUntil({ start: "09:00", end: "17:00", timeZone: "UTC" }, at("2025-07-01T08:59:00Z"))).toBeNull();
    expect(quietUntil({ start: "09:00", end: "17:00", timeZone: "UTC" }, at("2025-07-01T09:00:00Z"))?.toISOString()).toBe("2025-07-01T17:00:00.000Z");
    expect(quietUntil({ start: null, end: null, timeZone: "UTC" }, at("2025-07-01T09:00:00Z"))).toBeNull();
  });
});

describe("patterns", () => {
  it("refuses shapes that backtrack exponentially, back-references and lookarounds", () => {
    for (const p of ["(a+)+$", "(a|aa)*", "((ab)*)+", "(x+x+)+y", "(.*a){12}", "(a)\\1", "(?=a)b", "x".repeat(201), "(unclosed"]) {
      expect(patternProblem(p), p).not.toBeNull();
    }
    for (const p of ["\\bcall (mom|dad)\\b", "meet(ing)?", "[a-z]+ o'clock", "\\d{1,2}:\\d{2}"]) expect(patternProblem(p), p).toBeNull();
    expect(triggerSchema.safeParse({ kind: "regex", pattern: "(a+)+" }).success).toBe(false);
  });

  it("cannot hang on a hostile pattern that slips through: the match is time-limited", () => {
    const started = Date.now();
    expect(matchPattern("^(\\w+\\s?)*$", "a".repeat(40) + "!")).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(matchPattern("call (mom|dad)", "I will Call Mom later")).toBe("Call Mom");
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
