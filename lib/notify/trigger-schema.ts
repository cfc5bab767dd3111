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

const cooldownMinutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60)
  .default(10);
const via = z.enum(["reply", "api"]).default("reply");

export const maxPatternLength = 200;

/**
 * A pattern's shape only. Its RE2 syntax and size are checked on the server
 * (lib/notify/match.ts assertPatternAccepted) when a rule is saved or tested: re2js is too large to ship to the browser for a form check. A stored
 * pattern RE2 refuses (saved before patterns ran on RE2) matches nothing and can be edited.
 */
const patternSchema = z.string().min(1).max(maxPatternLength, `The pattern is refused: at most ${maxPatternLength} characters`);

export const triggerSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("keyword"),
    keywords: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
    cooldownMinutes,
    via,
  }),
  z.object({ kind: z.literal("regex"), pattern: patternSchema, cooldownMinutes, via }),
  z.object({
    kind: z.literal("long_session"),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    via,
  }),
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
