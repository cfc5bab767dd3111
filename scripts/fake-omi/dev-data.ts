/**
 * The fake Omi's Developer API data: conversations, action items and facts ("memories"
 * in Omi's words) per Omi uid, the keys that read them, and a generator of realistic
 * bodies. Timestamps are Python isoformat() strings with microseconds, as Omi sends.
 */

export type FakeSegment = {
  id: string;
  text: string;
  speaker_id: number;
  speaker_name: string;
  is_user: boolean;
  start: number;
  end: number;
};

export type FakeConversation = {
  id: string;
  uid: string;
  /** Epoch microseconds of created_at (Omi's list order and date filters use it). */
  createdUs: number;
  created_at: string;
  started_at: string;
  finished_at: string;
  updated_at: string;
  language: string;
  source: string;
  structured: { title: string; overview: string; emoji: string; category: string; events: Record<string, unknown>[] };
  transcript_segments: FakeSegment[];
  folder_id: string | null;
  folder_name: string | null;
  status: "completed" | "processing" | "in_progress";
  discarded: boolean;
  /** Locked (unpaid plan): never listed, 404 by id, dropped after the page is read. */
  locked: boolean;
};

export type FakeActionItem = {
  id: string;
  uid: string;
  conversation_id: string | null;
  description: string;
  completed: boolean;
  createdUs: number;
  created_at: string;
  updated_at: string;
  due_at: string | null;
  completed_at: string | null;
  locked: boolean;
};

export type FakeFact = {
  id: string;
  uid: string;
  content: string;
  category: string;
  visibility: string;
  tags: string[];
  createdUs: number;
  created_at: string;
  updated_at: string;
  manually_added: boolean;
  reviewed: boolean;
  /** false: the person rejected it in Omi (never listed). */
  user_review: boolean | null;
  edited: boolean;
  scoring: string;
  locked: boolean;
};

export type FakeDevKey = {
  key: string;
  uid: string;
  id: string;
  name: string;
  /** null: none stored, which Omi reads as the read-only default. */
  scopes: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  /** false: GET /v1/dev/key answers 404 (an Omi deployment without the self-check). */
  selfCheck: boolean;
  /** Set: memories answer 403 with Omi's object detail (the memory grant gate). */
  memoriesGate: string | null;
};

export const defaultScopes = ["conversations:read", "memories:read", "action_items:read"];

/** Python isoformat() of epoch microseconds in UTC: "+00:00", the fraction omitted when zero. */
export function pyIsoUs(us: number): string {
  const ms = Math.floor(us / 1000);
  const micro = us - Math.floor(us / 1_000_000) * 1_000_000;
  const base = new Date(ms).toISOString().slice(0, 19);
  return `${base}${micro ? `.${String(micro).padStart(6, "0")}` : ""}+00:00`;
}

/** Epoch microseconds of an ISO date-time (fractions up to 6 digits kept); null when unparseable. */
export function parseIsoUs(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  const zone = m[4] ? (m[4].toUpperCase() === "Z" ? "Z" : m[4].length === 5 ? `${m[4].slice(0, 3)}:${m[4].slice(3)}` : m[4]) : "Z";
  const ms = Date.parse(`${m[1]}T${m[2] ?? "00:00:00"}${zone}`);
  if (Number.isNaN(ms)) return null;
  const fraction = (m[3] ?? "").padEnd(6, "0").slice(0, 6);
  return ms * 1000 + Number(fraction);
}

const topics = [
  { title: "Q2 launch checklist", emoji: "🚀", category: "work", item: "Ping the partner's legal team about the contract" },
  { title: "Design review: onboarding flow", emoji: "🎨", category: "work", item: "Send the onboarding mock-ups to Priya" },
  { title: "1:1 with Sam about hiring", emoji: "🤝", category: "business", item: "Draft the job post for the backend role" },
  { title: "Café chat about the trip to Lisbon", emoji: "☕", category: "travel", item: "Book the train tickets to Porto" },
  { title: "Standup: release blockers", emoji: "🧱", category: "technology", item: "Fix the flaky upload test" },
  { title: "Dinner plans with Maya", emoji: "🍝", category: "personal", item: "Reserve a table for Friday" },
];
const lines = [
  "Okay, let's go through it one more time.",
  "The contract is still not signed, so we wait.",
  "I'll send the notes after lunch.",
  "Can you check the numbers before Thursday?",
  "Sounds good, let's do that.",
  "Remember to book the room for the review.",
];
const factTexts = [
  "Prefers morning meetings before 10am",
  "Is learning Portuguese for a trip to Lisbon",
  "Works on the Q2 launch with Priya and Alex",
  "Drinks oat-milk flat whites",
  "Plays five-a-side football on Wednesdays",
  "Has a dog called Biscuit",
];
const factCategories = ["interesting", "system", "manual", "work", "hobbies", "lifestyle"];

export type GenerateOptions = {
  conversations?: number;
  /** Action items attached to each conversation. */
  actionItemsPerConversation?: number;
  /** Action items not from a conversation (created in the Omi app). */
  standaloneActionItems?: number;
  facts?: number;
  segments?: number;
  /** Every Nth conversation (and its items) is locked. 0: none. */
  lockedEvery?: number;
  /** Every Nth conversation is discarded. 0: none. */
  discardedEvery?: number;
  /** created_at of the newest conversation (ISO); older ones follow every `spacingMinutes`. */
  newest?: string;
  spacingMinutes?: number;
  /** Prefix for deterministic ids (default: random uuids). */
  idPrefix?: string;
};

let counter = 0;
const newId = (prefix?: string) => (prefix ? `${prefix}-${(++counter).toString().padStart(6, "0")}` : crypto.randomUUID());

export function generate(
  uid: string,
  o: GenerateOptions,
): { conversations: FakeConversation[]; actionItems: FakeActionItem[]; facts: FakeFact[] } {
  const count = o.conversations ?? 0;
  const perConversation = o.actionItemsPerConversation ?? 0;
  const segments = o.segments ?? 6;
  const spacingUs = (o.spacingMinutes ?? 37) * 60_000_000;
  const newestUs = o.newest ? (parseIsoUs(o.newest) ?? Date.now() * 1000) : Date.now() * 1000 - 3_600_000_000;
  const conversations: FakeConversation[] = [];
  const actionItems: FakeActionItem[] = [];
  for (let i = 0; i < count; i++) {
    const topic = topics[i % topics.length]!;
    // Omi's clocks give microseconds; vary them so precision is visible.
    const createdUs = newestUs - i * spacingUs - ((i * 7919) % 1_000_000);
    const startedUs = createdUs + 1_250_113;
    const finishedUs = startedUs + (8 + (i % 20)) * 60_000_000 + 413_207;
    const id = newId(o.idPrefix);
    const locked = Boolean(o.lockedEvery && i % o.lockedEvery === o.lockedEvery - 1);
    const conversation: FakeConversation = {
      id,
      uid,
      createdUs,
      created_at: pyIsoUs(createdUs),
      started_at: pyIsoUs(startedUs),
      finished_at: pyIsoUs(finishedUs),
      updated_at: pyIsoUs(finishedUs + 3_000_000),
      language: "en",
      source: "omi",
      structured: {
        title: `${topic.title} #${i + 1}`,
        overview: `Conversation ${i + 1}: ${topic.title.toLowerCase()}.`,
        emoji: topic.emoji,
        category: topic.category,
        events: [],
      },
      transcript_segments: Array.from({ length: segments }, (_, s) => ({
        id: crypto.randomUUID(),
        text: `${lines[(i + s) % lines.length]} (${i + 1}.${s + 1})`,
        speaker_id: s % 2,
        speaker_name: s % 2 === 0 ? "Alex" : "Speaker 1",
        is_user: s % 2 === 0,
        start: s * 6.5,
        end: s * 6.5 + 5.25,
      })),
      folder_id: null,
      folder_name: null,
      status: "completed",
      discarded: Boolean(o.discardedEvery && i % o.discardedEvery === o.discardedEvery - 1),
      locked,
    };
    conversations.push(conversation);
    for (let k = 0; k < perConversation; k++) {
      const itemUs = finishedUs + 2_000_000 + k;
      actionItems.push({
        id: newId(o.idPrefix ? `${o.idPrefix}-ai` : undefined),
        uid,
        conversation_id: id,
        description: k === 0 ? `${topic.item} (#${i + 1})` : `Follow up ${k} on ${topic.title.toLowerCase()} (#${i + 1})`,
        completed: false,
        createdUs: itemUs,
        created_at: pyIsoUs(itemUs),
        updated_at: pyIsoUs(itemUs),
        due_at: k === 0 && i % 3 === 0 ? pyIsoUs(finishedUs + 86_400_000_000) : null,
        completed_at: null,
        locked,
      });
    }
  }
  for (let k = 0; k < (o.standaloneActionItems ?? 0); k++) {
    const us = newestUs - k * 3_600_000_000 + 17;
    actionItems.push({
      id: newId(o.idPrefix ? `${o.idPrefix}-ai` : undefined),
      uid,
      conversation_id: null,
      description: `Standalone task ${k + 1}`,
      completed: false,
      createdUs: us,
      created_at: pyIsoUs(us),
      updated_at: pyIsoUs(us),
      due_at: null,
      completed_at: null,
      locked: false,
    });
  }
  const facts: FakeFact[] = Array.from({ length: o.facts ?? 0 }, (_, k) => {
    const us = newestUs - k * 5_400_000_000 + 123_456;
    return {
      id: newId(o.idPrefix ? `${o.idPrefix}-fact` : undefined),
      uid,
      content: `${factTexts[k % factTexts.length]}${k >= factTexts.length ? ` (${k + 1})` : ""}`,
      category: factCategories[k % factCategories.length]!,
      visibility: "private",
      tags: k % 2 ? ["work"] : [],
      createdUs: us,
      created_at: pyIsoUs(us),
      updated_at: pyIsoUs(us),
      manually_added: k % 5 === 0,
      reviewed: k % 3 === 0,
      user_review: k % 7 === 6 ? false : null,
      edited: false,
      scoring: `${String(999 - (k % 1000)).padStart(3, "0")}_${us}`,
      locked: false,
    };
  });
  return { conversations, actionItems, facts };
}

/** An action item inside a conversation's `structured`: no id (webhook and Developer API alike). */
function embeddedItem({ description, completed, created_at, updated_at, due_at, completed_at, conversation_id }: FakeActionItem) {
  return { description, completed, created_at, updated_at, due_at, completed_at, conversation_id };
}

/** What the Developer API returns for a conversation (no status, discarded, updated_at or ids on action items). */
export function devConversation(c: FakeConversation, items: FakeActionItem[], withTranscript: boolean): Record<string, unknown> {
  return {
    id: c.id,
    created_at: c.created_at,
    started_at: c.started_at,
    finished_at: c.finished_at,
    language: c.language,
    source: c.source,
    structured: {
      title: c.structured.title,
      overview: c.structured.overview,
      emoji: c.structured.emoji,
      category: c.structured.category,
      action_items: items.map(embeddedItem),
      events: c.structured.events,
    },
    ...(withTranscript
      ? {
          transcript_segments: c.transcript_segments.map(({ id, text, speaker_id, speaker_name, start, end }) => ({
            id,
            text,
            speaker_id,
            speaker_name,
            start,
            end,
          })),
        }
      : {}),
    geolocation: null,
    folder_id: c.folder_id,
    folder_name: c.folder_name,
  };
}

/** The same conversation as the developer "conversation created" webhook sends it (full dump, no geolocation). */
export function webhookBody(c: FakeConversation, items: FakeActionItem[]): Record<string, unknown> {
  return {
    id: c.id,
    created_at: c.created_at,
    updated_at: c.updated_at,
    started_at: c.started_at,
    finished_at: c.finished_at,
    source: c.source,
    language: c.language,
    structured: {
      title: c.structured.title,
      overview: c.structured.overview,
      emoji: c.structured.emoji,
      category: c.structured.category,
      sections: [],
      action_items: items.map(embeddedItem),
      events: c.structured.events,
    },
    transcript_segments: c.transcript_segments.map((s) => ({
      id: s.id,
      text: s.text,
      speaker: `SPEAKER_${String(s.speaker_id).padStart(2, "0")}`,
      speaker_id: s.speaker_id,
      is_user: s.is_user,
      person_id: null,
      start: s.start,
      end: s.end,
      speaker_name: s.speaker_name,
    })),
    photos: [],
    audio_files: [],
    apps_results: [],
    plugins_results: [],
    external_data: null,
    app_id: null,
    discarded: c.discarded,
    visibility: "private",
    starred: false,
    status: c.status,
    is_locked: false,
    folder_id: c.folder_id,
    folder_name: c.folder_name,
  };
}

export function devActionItem(i: FakeActionItem): Record<string, unknown> {
  const { id, description, completed, created_at, updated_at, due_at, completed_at, conversation_id } = i;
  return { id, description, completed, created_at, updated_at, due_at, completed_at, conversation_id };
}

export function devFact(f: FakeFact): Record<string, unknown> {
  return {
    id: f.id,
    // Locked facts: Omi cuts the content to 70 characters and adds "...".
    content: f.locked && f.content.length > 70 ? `${f.content.slice(0, 70)}...` : f.content,
    category: f.category,
    visibility: f.visibility,
    tags: f.tags,
    created_at: f.created_at,
    updated_at: f.updated_at,
    manually_added: f.manually_added,
    reviewed: f.reviewed,
    user_review: f.user_review,
    edited: f.edited,
    scoring: f.scoring,
  };
}
