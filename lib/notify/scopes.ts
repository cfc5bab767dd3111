/**
 * Data scopes: what a rule may read. A rule declares scopes; its template may use only
 * the placeholders of those scopes, and rendering receives only the data of those
 * scopes (resolveScopeData), so a template cannot reach outside them even by accident.
 *
 * For rules that let Omi write the message (omi_prompt), the scopes grant Omi's prompt
 * params (docs/OMI.md §2: user_name, user_facts, user_context, user_chat):
 *   profile    → user_name, user_facts   (who the person is)
 *   transcript → user_context, user_chat (what they are saying and have said)
 * memory and day_summary grant no Omi param: Omi's own context is not ours to widen.
 */
import type { DataScope } from "@/lib/constants";

export const scopeLabels: Record<DataScope, string> = {
  transcript: "Live transcript",
  memory: "Memories",
  day_summary: "Day summary",
  profile: "Profile",
};

/** Every placeholder a template can use, by scope, with what it holds. */
export const placeholders: Record<DataScope, Record<string, string>> = {
  transcript: {
    "transcript.text": "the live segment(s) that triggered the rule",
    "transcript.keyword": "the keyword or pattern text that matched",
    "transcript.minutes": "minutes the live session has been running",
    "transcript.tone": "tone score of the last segments (negative is gloomy)",
  },
  memory: {
    "memory.title": "the memory's title",
    "memory.overview": "the memory's overview",
    "memory.category": "its category (work, personal, …)",
    "memory.emoji": "its emoji",
    "memory.action_items": "its action items, separated by “; ”",
    "memory.action_item_count": "how many action items it has",
  },
  day_summary: {
    "day_summary.headline": "the day's headline",
    "day_summary.overview": "the day's overview",
    "day_summary.date": "the date (YYYY-MM-DD)",
    "day_summary.emoji": "the day's emoji",
    "day_summary.conversations": "number of conversations that day",
  },
  profile: {
    "profile.name": "your name on this account",
  },
};

export const omiParams = ["user_name", "user_facts", "user_context", "user_chat"] as const;
export type OmiParam = (typeof omiParams)[number];
export const paramsByScope: Record<DataScope, OmiParam[]> = {
  transcript: ["user_context", "user_chat"],
  memory: [],
  day_summary: [],
  profile: ["user_name", "user_facts"],
};

const placeholderPattern = /\{\{\s*([a-z_]+(?:\.[a-z_]+)?)\s*\}\}/gi;

/** Placeholder names used in a template or prompt, in order, without repeats. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1]!.toLowerCase()))];
}

export function scopeOfPlaceholder(name: string): DataScope | null {
  for (const [scope, names] of Object.entries(placeholders) as [DataScope, Record<string, string>][]) {
    if (name in names) return scope;
  }
  return null;
}

/** A person-readable problem with a template for these scopes, or null when it is fine. */
export function templateProblem(template: string, scopes: readonly DataScope[]): string | null {
  for (const name of placeholdersIn(template)) {
    const scope = scopeOfPlaceholder(name);
    if (!scope) return `{{${name}}} is not a placeholder this app knows`;
    if (!scopes.includes(scope)) {
      return `{{${name}}} reads the ${scopeLabels[scope].toLowerCase()} scope, which this rule does not declare`;
    }
  }
  return null;
}

export function grantedParams(scopes: readonly DataScope[]): OmiParam[] {
  return omiParams.filter((p) => scopes.some((s) => paramsByScope[s].includes(p)));
}

/** A problem with an Omi prompt for these scopes, or null. */
export function promptProblem(prompt: string, scopes: readonly DataScope[]): string | null {
  const granted = grantedParams(scopes);
  for (const name of placeholdersIn(prompt)) {
    if (!(omiParams as readonly string[]).includes(name)) return `{{${name}}} is not one of Omi's prompt params (${omiParams.join(", ")})`;
    if (!granted.includes(name as OmiParam)) return `{{${name}}} needs a scope this rule does not declare`;
  }
  return null;
}

/** The params to send with a prompt: those it uses, which are all granted (checked on save). */
export function promptParams(prompt: string, scopes: readonly DataScope[]): OmiParam[] {
  const granted = grantedParams(scopes);
  return placeholdersIn(prompt).filter((p): p is OmiParam => granted.includes(p as OmiParam));
}

/** Everything a trigger could offer, before scoping. */
export type ScopeSources = {
  transcript?: { text: string; keyword?: string; minutes?: number; tone?: number };
  memory?: { title: string; overview: string; category: string; emoji: string; actionItems: string[] };
  daySummary?: { headline: string | null; overview: string | null; date: string; emoji: string | null; conversations: number | null };
  profile?: { name: string | null };
};

/** Only the declared scopes' values, as placeholder → text: the renderer sees nothing else. */
export function resolveScopeData(scopes: readonly DataScope[], sources: ScopeSources): Record<string, string> {
  const data: Record<string, string> = {};
  const t = sources.transcript;
  if (scopes.includes("transcript") && t) {
    data["transcript.text"] = t.text;
    data["transcript.keyword"] = t.keyword ?? "";
    data["transcript.minutes"] = t.minutes === undefined ? "" : String(Math.round(t.minutes));
    data["transcript.tone"] = t.tone === undefined ? "" : t.tone.toFixed(1);
  }
  const m = sources.memory;
  if (scopes.includes("memory") && m) {
    data["memory.title"] = m.title;
    data["memory.overview"] = m.overview;
    data["memory.category"] = m.category;
    data["memory.emoji"] = m.emoji;
    data["memory.action_items"] = m.actionItems.join("; ");
    data["memory.action_item_count"] = String(m.actionItems.length);
  }
  const d = sources.daySummary;
  if (scopes.includes("day_summary") && d) {
    data["day_summary.headline"] = d.headline ?? "";
    data["day_summary.overview"] = d.overview ?? "";
    data["day_summary.date"] = d.date;
    data["day_summary.emoji"] = d.emoji ?? "";
    data["day_summary.conversations"] = d.conversations === null ? "" : String(d.conversations);
  }
  const p = sources.profile;
  if (scopes.includes("profile") && p) data["profile.name"] = p.name ?? "";
  return data;
}

/** Fills {{placeholders}} from `data`; one it does not hold renders empty. Plain text out. */
export function renderTemplate(template: string, data: Record<string, string>): string {
  return template
    .replace(placeholderPattern, (_m, name: string) => data[name.toLowerCase()] ?? "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/** Sample data for "Test against a sample". */
export const sampleSources: ScopeSources = {
  transcript: { text: "Can we move the budget meeting to Thursday?", keyword: "meeting", minutes: 75, tone: -1.4 },
  memory: {
    title: "Budget review with Sam",
    overview: "Went through Q3 numbers and agreed on next steps.",
    category: "work",
    emoji: "💼",
    actionItems: ["Send the revised budget to Sam", "Book the room for Thursday"],
  },
  daySummary: { headline: "A focused day", overview: "Three meetings and a long walk.", date: "2025-06-01", emoji: "🌤️", conversations: 5 },
  profile: { name: "Alex" },
};
