/**
 * The ONE normaliser from Omi's day-summary object (`content`, keys as Omi sends them)
 * to what the recap page renders. A recap that arrived as summary_json and one parsed
 * from the legacy Python-literal string have the same `content`, so they render the
 * same because they pass through here.
 *
 * Omi's sections change between versions (action_items only in some, memories_learned
 * only in newer ones, stats.action_items_count optional, a generic "Your Day in Review"
 * when its LLM fails). So every field is optional, unknown keys are ignored, an entry
 * without its main text is dropped, and a section with no entries is left out of
 * `sections` entirely: the page never draws an empty box.
 */

export type Highlight = { topic: string; emoji: string | null; summary: string | null; conversationIds: string[] };
export type RecapActionItem = { description: string; priority: string | null; completed: boolean; conversationId: string | null };
export type Question = { question: string; conversationId: string | null };
export type Decision = { decision: string; conversationId: string | null };
export type Nugget = { insight: string; conversationId: string | null };
export type MemoryLearned = { memoryId: string | null; content: string; category: string | null; capturedAt: string | null };
export type Location = {
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  conversationId: string | null;
  /** "HH:MM" as Omi sends it (the person's local time). */
  time: string | null;
};
export type RecapStats = { conversations: number | null; minutes: number | null; actionItems: number | null };

export type RecapSection =
  | { kind: "highlights"; title: "Highlights"; items: Highlight[] }
  | { kind: "actionItems"; title: "Action items"; items: RecapActionItem[] }
  | { kind: "unresolvedQuestions"; title: "Unresolved questions"; items: Question[] }
  | { kind: "decisionsMade"; title: "Decisions made"; items: Decision[] }
  | { kind: "knowledgeNuggets"; title: "Knowledge nuggets"; items: Nugget[] }
  | { kind: "memoriesLearned"; title: "Memories learned"; items: MemoryLearned[] }
  | { kind: "locations"; title: "Locations"; items: Location[] };

export type RecapView = {
  headline: string;
  emoji: string | null;
  overview: string | null;
  /** Omi's generic recap, sent when its summariser failed. */
  isGeneric: boolean;
  /** Null when Omi sent no numbers at all. */
  stats: RecapStats | null;
  /** Only the sections that have entries, in reading order. */
  sections: RecapSection[];
};

export const genericHeadline = "Your Day in Review";

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A non-blank string, trimmed; numbers are accepted as text (ids sometimes are). */
function str(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t ? t : null;
}

function num(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function bool(v: unknown): boolean {
  return v === true || v === "true" || v === 1;
}

/** Entries of a list field; a bare string entry becomes { [textKey]: string } (older senders). */
function entries(v: unknown, textKey: string): Obj[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e) => (isObj(e) ? [e] : typeof e === "string" ? [{ [textKey]: e }] : []));
}

function list<T>(v: unknown, textKey: string, map: (e: Obj) => T | null): T[] {
  return entries(v, textKey).flatMap((e) => {
    const out = map(e);
    return out ? [out] : [];
  });
}

function ids(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return [...new Set(v.map(str).filter((x): x is string => x !== null))];
}

function coordinate(v: unknown, limit: number): number | null {
  const n = num(v);
  return n !== null && Math.abs(n) <= limit ? n : null;
}

function clockTime(v: unknown): string | null {
  const s = str(v);
  return s && /^\d{1,2}:\d{2}/.test(s) ? s.slice(0, s.indexOf(":") + 3).padStart(5, "0") : s;
}

export function recapStats(content: Obj): RecapStats | null {
  const s = isObj(content.stats) ? content.stats : {};
  const stats = {
    conversations: num(s.total_conversations),
    minutes: num(s.total_duration_minutes),
    actionItems: num(s.action_items_count),
  };
  return stats.conversations === null && stats.minutes === null && stats.actionItems === null ? null : stats;
}

export function toRecapView(content: unknown): RecapView {
  const c: Obj = isObj(content) ? content : {};
  const headline = str(c.headline) ?? genericHeadline;

  const sections: RecapSection[] = [];
  const add = <S extends RecapSection>(section: S) => {
    if (section.items.length > 0) sections.push(section);
  };

  add({
    kind: "highlights",
    title: "Highlights",
    items: list(c.highlights, "topic", (e) => {
      const topic = str(e.topic) ?? str(e.title);
      const summary = str(e.summary);
      if (!topic && !summary) return null;
      return { topic: topic ?? summary!, emoji: str(e.emoji), summary: topic ? summary : null, conversationIds: ids(e.conversation_ids) };
    }),
  });
  add({
    kind: "actionItems",
    title: "Action items",
    items: list(c.action_items, "description", (e) => {
      const description = str(e.description);
      if (!description) return null;
      return {
        description,
        priority: str(e.priority),
        completed: bool(e.completed),
        conversationId: str(e.source_conversation_id) ?? str(e.conversation_id),
      };
    }),
  });
  add({
    kind: "unresolvedQuestions",
    title: "Unresolved questions",
    items: list(c.unresolved_questions, "question", (e) => {
      const question = str(e.question);
      return question ? { question, conversationId: str(e.conversation_id) } : null;
    }),
  });
  add({
    kind: "decisionsMade",
    title: "Decisions made",
    items: list(c.decisions_made, "decision", (e) => {
      const decision = str(e.decision);
      return decision ? { decision, conversationId: str(e.conversation_id) } : null;
    }),
  });
  add({
    kind: "knowledgeNuggets",
    title: "Knowledge nuggets",
    items: list(c.knowledge_nuggets, "insight", (e) => {
      const insight = str(e.insight);
      return insight ? { insight, conversationId: str(e.conversation_id) } : null;
    }),
  });
  add({
    kind: "memoriesLearned",
    title: "Memories learned",
    items: list(c.memories_learned, "content", (e) => {
      const text = str(e.content);
      return text ? { memoryId: str(e.memory_id), content: text, category: str(e.category), capturedAt: str(e.captured_at) } : null;
    }),
  });
  add({
    kind: "locations",
    title: "Locations",
    items: list(c.locations, "address", (e) => {
      const latitude = coordinate(e.latitude, 90);
      const longitude = coordinate(e.longitude, 180);
      const hasPoint = latitude !== null && longitude !== null;
      const address = str(e.address);
      if (!hasPoint && !address) return null;
      return {
        latitude: hasPoint ? latitude : null,
        longitude: hasPoint ? longitude : null,
        address,
        conversationId: str(e.conversation_id),
        time: clockTime(e.time),
      };
    }),
  });

  return {
    headline,
    emoji: str(c.day_emoji),
    overview: str(c.overview),
    isGeneric: headline === genericHeadline,
    stats: recapStats(c),
    sections,
  };
}

/** Every conversation id the recap mentions, to look up which of them we have as memories. */
export function conversationIdsOf(view: RecapView): string[] {
  const out = new Set<string>();
  for (const section of view.sections) {
    for (const item of section.items) {
      if ("conversationIds" in item) item.conversationIds.forEach((id) => out.add(id));
      if ("conversationId" in item && item.conversationId) out.add(item.conversationId);
    }
  }
  return [...out];
}

/** A link that opens the place on OpenStreetMap: the point when we have one, else a search for the address. */
export function mapUrl(location: Pick<Location, "latitude" | "longitude" | "address">): string | null {
  if (location.latitude !== null && location.longitude !== null) {
    const lat = location.latitude.toFixed(6);
    const lon = location.longitude.toFixed(6);
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
  }
  if (location.address) return `https://www.openstreetmap.org/search?query=${encodeURIComponent(location.address)}`;
  return null;
}

/** "-23.56141, -46.65588" for a place Omi could not name. */
export function formatCoordinates(latitude: number, longitude: number): string {
  return `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`;
}
