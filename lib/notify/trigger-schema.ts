/**
 * What makes a rule fire. Stored in notification_rules.trigger (jsonb) and always read
 * back through `triggerSchema`, so a stored trigger is as valid as a new one.
 *
 * Live-transcript triggers (keyword, regex, long_session, tone) answer through the
 * realtime webhook's reply by default ("reply"), or through Omi's notification API
 * ("api"): the API's answer is confirmed and logged, the reply's is not.
 *
 * No Node-only imports here: the /notifications page validates with the same schema.
 */
import { z } from "zod";

const cooldownMinutes = z.number().int().min(0).max(24 * 60).default(10);
const via = z.enum(["reply", "api"]).default("reply");

export const maxPatternLength = 200;

/** Why a pattern is refused (restricted syntax), or null when it is allowed. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > maxPatternLength) return `at most ${maxPatternLength} characters`;
  if (/\\[1-9]|\\k</.test(pattern)) return "back-references are not allowed";
  if (/\(\?<?[=!]/.test(pattern)) return "lookahead and lookbehind are not allowed";
  if (hasNestedQuantifier(pattern)) return "a repeated group may not itself contain a repetition or alternatives, e.g. (a+)+ or (a|aa)*";
  try {
    new RegExp(pattern, "iu");
  } catch (err) {
    return `not a valid regular expression (${err instanceof Error ? err.message : String(err)})`;
  }
  return null;
}

/** True for (…+)+, (…*){2,}, (a|b)+ and the like: the shapes that backtrack exponentially. */
function hasNestedQuantifier(pattern: string): boolean {
  const stack: { risky: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      // Skip a character class: its contents are literal.
      for (i++; i < pattern.length && pattern[i] !== "]"; i++) if (pattern[i] === "\\") i++;
      continue;
    }
    if (c === "(") stack.push({ risky: false });
    else if (c === ")") {
      const group = stack.pop();
      const next = pattern[i + 1];
      if (group?.risky && (next === "+" || next === "*" || next === "{")) return true;
      if (group?.risky && stack.length) stack[stack.length - 1]!.risky = true;
    } else if ((c === "+" || c === "*" || c === "{" || c === "|") && stack.length) {
      stack[stack.length - 1]!.risky = true;
    }
  }
  return false;
}

const patternSchema = z
  .string()
  .min(1)
  .max(maxPatternLength)
  .superRefine((p, ctx) => {
    const problem = patternProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: `The pattern is refused: ${problem}` });
  });

export const triggerSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("keyword"),
    keywords: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
    cooldownMinutes,
    via,
  }),
  z.object({ kind: z.literal("regex"), pattern: patternSchema, cooldownMinutes, via }),
  z.object({ kind: z.literal("long_session"), minutes: z.number().int().min(1).max(24 * 60), via }),
  z.object({
    kind: z.literal("tone"),
    /** Average AFINN score per word of the window (−5…5); fires below it. */
    threshold: z.number().min(-5).max(5).default(-1),
    /** How many of the latest live segments are read together. */
    window: z.number().int().min(1).max(20).default(5),
    cooldownMinutes,
    via,
  }),
  z.object({
    kind: z.literal("memory"),
    /** Omi categories (work, personal, …); empty means any. */
    categories: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
    requireActionItems: z.boolean().default(false),
  }),
  z.object({ kind: z.literal("day_summary") }),
]);
export type Trigger = z.infer<typeof triggerSchema>;
export type TriggerKind = Trigger["kind"];
export type LiveTrigger = Extract<Trigger, { kind: "keyword" | "regex" | "long_session" | "tone" }>;

export const liveKinds = ["keyword", "regex", "long_session", "tone"] as const;
export const isLiveTrigger = (t: Trigger): t is LiveTrigger => (liveKinds as readonly string[]).includes(t.kind);

/** The scope a trigger must declare, because the trigger itself reads that data. */
export function scopeReadBy(kind: TriggerKind): "transcript" | "memory" | "day_summary" {
  if (kind === "memory") return "memory";
  if (kind === "day_summary") return "day_summary";
  return "transcript";
}

/** One line describing a trigger, for the rules list. */
export function describeTrigger(t: Trigger): string {
  switch (t.kind) {
    case "keyword":
      return `Live transcript mentions ${t.keywords.map((k) => `“${k}”`).join(" or ")}`;
    case "regex":
      return `Live transcript matches /${t.pattern}/`;
    case "long_session":
      return `A live session runs longer than ${t.minutes} min`;
    case "tone":
      return `Tone of the last ${t.window} live segments falls below ${t.threshold}`;
    case "memory":
      return `A new memory${t.categories.length ? ` in ${t.categories.join(", ")}` : ""}${t.requireActionItems ? " with action items" : ""}`;
    case "day_summary":
      return "A day summary arrives";
  }
}
