/**
 * The sample a person can send before touching Omi: one request list per part, shaped
 * exactly like Omi's webhooks (docs/OMI.md, tests/fixtures/omi): a real-time session
 * of ~10 segments in small batches with one segment re-sent longer, the memory Omi
 * sends when that conversation ends (same segment ids, so the live session links to
 * it), ~10 s of audio as 1-second PCM16 chunks, day summaries for today and an earlier
 * day, and a button press.
 *
 * Ids derive from the account, so sending twice upserts the same memory, segments and
 * day summaries instead of adding copies. Pure: no I/O, usable by scripts and tests.
 */
import { createHash } from "node:crypto";
import type { WebhookEvent } from "@/lib/constants";
import type { samplePartNames } from "@/lib/api/schemas/deliveries";
import { pythonRepr } from "@/lib/omi/python-repr";

export type SamplePart = (typeof samplePartNames)[number];

export type SampleRequest = {
  event: WebhookEvent;
  /** Query parameters besides uid (audio: sample_rate). */
  query?: Record<string, string>;
  contentType: string;
  body: string | Uint8Array;
};

export const SAMPLE_RATE = 16000;

/** The uid the sample is sent as: stable per account, visibly a sample. */
export function sampleUid(userId: string): string {
  return `sample-${createHash("sha256").update(userId).digest("hex").slice(0, 10)}`;
}

/** A stable UUID-shaped id for `name` within this account's sample. */
function stableId(userId: string, name: string): string {
  const h = createHash("sha256").update(`${userId}:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Omi's backend timestamps: Python isoformat() with microseconds and +00:00. */
function omiTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, ".$1000+00:00");
}

/** YYYY-MM-DD of `d` in `timeZone`. */
function localDate(d: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

const lines: { speaker: 0 | 1; text: string; longer?: string }[] = [
  { speaker: 0, text: "Morning! Do you have a minute to plan the week?" },
  { speaker: 1, text: "Sure. What's on the list?" },
  { speaker: 0, text: "The hub is receiving data from Omi now, so I want to test the live page." },
  { speaker: 1, text: "Nice. Did the memories show up too?" },
  { speaker: 0, text: "Yes, with the action items. I'll tick them off as we go." },
  { speaker: 1, text: "Then let's book the design review for Thursday at two." },
  { speaker: 0, text: "Booked. I'll send the agenda tomorrow morning." },
  { speaker: 1, text: "And the audio recording works?", longer: "And the audio recording works? I'd like to hear how it sounds." },
  { speaker: 0, text: "It streams while the phone is connected, in one-second pieces." },
  { speaker: 1, text: "Great, that's everything for today. Thanks!" },
];

type Segment = {
  id: string;
  text: string;
  speaker: string;
  speaker_id: number;
  is_user: boolean;
  person_id: null;
  speaker_label_source: null;
  start: number;
  end: number;
  translations: never[];
  speech_profile_processed: boolean;
  stt_provider: string;
  speaker_identity_status: string;
};

function segments(userId: string, { final }: { final: boolean }): Segment[] {
  let t = 0;
  return lines.map((line, i) => {
    const text = final && line.longer ? line.longer : line.text;
    const duration = Math.round((1.2 + text.length / 18) * 100) / 100;
    const start = Math.round(t * 100) / 100;
    t += duration + 0.4;
    return {
      id: stableId(userId, `segment-${i}`),
      text,
      speaker: `SPEAKER_${line.speaker}`,
      speaker_id: line.speaker,
      is_user: line.speaker === 0,
      person_id: null,
      speaker_label_source: null,
      start,
      end: Math.round((start + duration) * 100) / 100,
      translations: [],
      speech_profile_processed: true,
      stt_provider: "deepgram",
      speaker_identity_status: line.speaker === 0 ? "user" : "not_user",
    };
  });
}

const json = (value: unknown): SampleRequest["body"] => JSON.stringify(value);

function realtimeRequests(userId: string, uid: string): SampleRequest[] {
  const first = segments(userId, { final: false });
  const final = segments(userId, { final: true });
  const batches: Segment[][] = [];
  for (let i = 0; i < first.length; i += 2) batches.push(first.slice(i, i + 2));
  // Omi re-sends a segment whose transcription grew: same id, longer text.
  const grown = final.filter((s, i) => s.text !== first[i]!.text);
  batches.push(grown);
  return batches.map((batch) => ({ event: "realtime", contentType: "application/json", body: json({ segments: batch, session_id: uid }) }));
}

function memoryRequest(userId: string, now: Date): SampleRequest {
  const segs = segments(userId, { final: true }).map((s) => ({ ...s, speaker_name: s.is_user ? "You" : "Sam" }));
  const seconds = segs[segs.length - 1]!.end;
  const finished = new Date(now.getTime());
  const started = new Date(finished.getTime() - seconds * 1000);
  const memoryId = stableId(userId, "memory");
  const nextThursday = new Date(now.getTime() + ((11 - now.getUTCDay()) % 7 || 7) * 86_400_000);
  nextThursday.setUTCHours(14, 0, 0, 0);
  const actionItem = (description: string, completed: boolean, dueAt: Date | null = null) => ({
    description,
    completed,
    created_at: omiTime(finished),
    updated_at: omiTime(finished),
    due_at: dueAt ? omiTime(dueAt) : null,
    completed_at: completed ? omiTime(finished) : null,
    conversation_id: memoryId,
  });
  return {
    event: "memory",
    contentType: "application/json",
    body: json({
      id: memoryId,
      created_at: omiTime(finished),
      updated_at: omiTime(finished),
      started_at: omiTime(started),
      finished_at: omiTime(finished),
      language: "en",
      source: "omi",
      structured: {
        title: "Sample: planning the week",
        overview:
          'A short sample conversation sent by Omi Hub\'s "Send sample data". Sam and you plan the week, book the design review for Thursday and check that live transcripts, memories and audio arrive.',
        emoji: "🧪",
        category: "work",
        sections: [
          {
            heading: "What was decided",
            body_markdown: "- The **design review** is on Thursday at 14:00.\n- The agenda goes out tomorrow morning.",
            source_segment_ids: [segs[5]!.id, segs[6]!.id],
          },
          {
            heading: "Checking the hub",
            body_markdown: "Live transcript, memories and audio all arrive. Audio streams *only while the phone is connected*.",
            source_segment_ids: [segs[2]!.id, segs[8]!.id],
          },
        ],
        action_items: [
          actionItem("Send the design review agenda", false, new Date(now.getTime() + 86_400_000)),
          actionItem("Book the design review for Thursday", true),
          actionItem("Tick off action items in Omi Hub", false),
        ],
        events: [
          {
            title: "Design review",
            description: "Walk through the new dashboard",
            start: omiTime(nextThursday),
            duration: 60,
            created: false,
          },
        ],
      },
      transcript_segments: segs,
      apps_results: [],
      plugins_results: [],
      discarded: false,
      visibility: "private",
      status: "completed",
      folder_name: "Samples",
    }),
  };
}

/** One second of PCM16 mono: a soft two-tone voice-like signal whose loudness rises and falls, so the waveform shows. */
function audioSecond(second: number): Uint8Array {
  const samples = SAMPLE_RATE;
  const buf = new Uint8Array(samples * 2);
  const view = new DataView(buf.buffer);
  for (let i = 0; i < samples; i++) {
    const t = second + i / SAMPLE_RATE;
    const envelope = 0.25 + 0.75 * Math.abs(Math.sin(Math.PI * t * 0.7)) * (0.6 + 0.4 * Math.sin(2 * Math.PI * t * 3));
    const value = envelope * (0.6 * Math.sin(2 * Math.PI * 220 * t) + 0.3 * Math.sin(2 * Math.PI * 330 * t));
    view.setInt16(i * 2, Math.round(value * 9000), true);
  }
  return buf;
}

function audioRequests(seconds = 10): SampleRequest[] {
  return Array.from({ length: seconds }, (_, s) => ({
    event: "audio",
    query: { sample_rate: String(SAMPLE_RATE) },
    contentType: "application/octet-stream",
    body: audioSecond(s),
  }));
}

function daySummary(userId: string, uid: string, date: string, now: Date, earlier: boolean): SampleRequest {
  const memoryId = stableId(userId, "memory");
  const summaryJson = {
    id: stableId(userId, `day-${date}`),
    date,
    created_at: now.toISOString().replace("Z", ""),
    headline: earlier ? "A quiet day of reading and one call" : "Planning the week and testing Omi Hub",
    overview: earlier
      ? "Mostly focused reading. One call with Sam about next week's design review."
      : "You planned the week with Sam, booked Thursday's design review and checked that Omi's data reaches your hub.",
    day_emoji: earlier ? "📚" : "🧪",
    stats: { total_conversations: earlier ? 2 : 1, total_duration_minutes: earlier ? 34 : 2 },
    highlights: [
      {
        topic: earlier ? "Design review prep" : "Omi Hub check",
        emoji: earlier ? "🗂️" : "✅",
        summary: earlier ? "Collected what to show on Thursday." : "Live transcript, memories and audio all arrive.",
        conversation_ids: earlier ? [] : [memoryId],
      },
    ],
    unresolved_questions: [{ question: "Who takes notes at the design review?", conversation_id: null }],
    decisions_made: earlier ? [] : [{ decision: "Design review on Thursday at 14:00", conversation_id: memoryId }],
    knowledge_nuggets: [{ insight: "Omi sends audio only while the phone streams it.", conversation_id: null }],
    locations: [],
  };
  return {
    event: "day-summary",
    contentType: "application/json",
    body: json({ summary: pythonRepr(summaryJson), summary_json: summaryJson, uid, created_at: omiTime(now) }),
  };
}

function dayRequests(userId: string, uid: string, now: Date, timeZone: string): SampleRequest[] {
  const today = localDate(now, timeZone);
  const earlier = localDate(new Date(now.getTime() - 3 * 86_400_000), timeZone);
  return [daySummary(userId, uid, earlier, now, true), daySummary(userId, uid, today, now, false)];
}

function buttonRequest(uid: string, now: Date): SampleRequest {
  return {
    event: "button",
    contentType: "application/json",
    body: json({ uid, type: "single_tap", timestamp: Math.floor(now.getTime() / 1000) }),
  };
}

export function sampleRequests({
  part,
  userId,
  now = new Date(),
  timeZone = "UTC",
}: {
  part: SamplePart;
  userId: string;
  now?: Date;
  timeZone?: string;
}): SampleRequest[] {
  const uid = sampleUid(userId);
  switch (part) {
    case "realtime":
      return realtimeRequests(userId, uid);
    case "memory":
      return [memoryRequest(userId, now)];
    case "audio":
      return audioRequests();
    case "day-summary":
      return dayRequests(userId, uid, now, timeZone);
    case "button":
      return [buttonRequest(uid, now)];
  }
}
