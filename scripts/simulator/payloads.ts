/**
 * Bodies shaped exactly like the fixtures (tests/fixtures/omi, from Omi's backend),
 * with fresh ids, times and some varied text so many can be sent.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pythonRepr } from "@/lib/omi/python-repr";

const fixtureDir = fileURLToPath(new URL("../../tests/fixtures/omi/", import.meta.url));

type Json = Record<string, unknown>;
export function fixture<T = Json>(name: string): T {
  return JSON.parse(readFileSync(fixtureDir + name, "utf8")) as T;
}

/** Python isoformat() of a UTC time: microseconds, "+00:00". */
export function pyIso(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, ".$1000+00:00");
}

const topics = [
  {
    title: "Q2 Launch Checklist and Partner Contract",
    item: "Ping the São Paulo partner's legal team about the unsigned contract and cc Alex",
  },
  { title: "Design review: onboarding flow", item: "Send the new onboarding mock-ups to Priya before Thursday" },
  { title: "1:1 with Sam — hiring plan", item: "Draft the job post for the backend role" },
  { title: "Café chat about the trip to Lisbon", item: "Book the train tickets to Porto" },
  { title: "Standup: release blockers", item: "Fix the flaky upload test before the release" },
];

export type MemoryShape = "developer" | "app" | "phone";

/** A memory as Omi sends it; `index` varies the id, time and topic. */
export function memoryBody({
  index = 0,
  now = new Date(),
  shape = "developer",
}: { index?: number; now?: Date; shape?: MemoryShape } = {}): Json {
  const name = shape === "app" ? "memory-created-app.json" : shape === "phone" ? "memory-devtools-trigger.json" : "memory-created.json";
  const body = fixture<Json & { structured: Json; transcript_segments: Json[] }>(name);
  const topic = topics[index % topics.length]!;
  const finished = new Date(now.getTime() - index * 2 * 3600_000);
  const started = new Date(finished.getTime() - 24 * 60_000);
  const iso = shape === "phone" ? (d: Date) => d.toISOString() : pyIso;
  body.id = crypto.randomUUID();
  body.created_at = iso(new Date(finished.getTime() + 14_000));
  if (shape !== "phone") body.updated_at = iso(new Date(finished.getTime() + 16_000));
  body.started_at = iso(started);
  body.finished_at = iso(finished);
  body.structured.title = topic.title;
  if (shape === "phone") {
    const items = body.structured.actionItems as string[];
    items[0] = topic.item;
  } else {
    const items = body.structured.action_items as Json[];
    items[0]!.description = topic.item;
    for (const item of items) item.conversation_id = body.id;
  }
  for (const seg of body.transcript_segments) if (shape !== "phone") seg.id = crypto.randomUUID();
  return body;
}

const liveLines = [
  "Hey, do you have a minute to go over the launch?",
  "Sure, give me one second.",
  "Okay — so the São Paulo partner still hasn't signed.",
  "Then ping their legal team today. 締め切りは金曜日です。",
  "I'll also book the finance review for Tuesday at three.",
  "Great, and let's keep the beta pricing until the twentieth.",
  "Sounds good. Anything else before Friday?",
  "No, that's everything. Thanks!",
];

/** One live transcript segment as Omi sends it (fixture fields), `start` seconds into the session. */
export function liveSegment({ index, text, start }: { index: number; text: string; start: number }): Json {
  const [template] = fixture<{ segments: Json[] }>("realtime-batch-1.json").segments;
  const speaker = index % 2;
  return {
    ...template,
    id: crypto.randomUUID(),
    text,
    speaker: `SPEAKER_${speaker}`,
    speaker_id: speaker,
    is_user: speaker === 0,
    speaker_identity_status: speaker === 0 ? "user" : "unknown",
    start,
    end: Math.round((start + 1 + text.length / 15) * 100) / 100,
  };
}

export function liveLine(index: number): string {
  return liveLines[index % liveLines.length]!;
}

/** The day-summary body: both fields, or with `legacy` only the Python-literal string and a naive created_at. */
export function daySummaryBody({
  uid,
  date,
  legacy = false,
  now = new Date(),
}: {
  uid: string;
  date: string;
  legacy?: boolean;
  now?: Date;
}): Json {
  const body = fixture<{ summary_json: Json }>("day-summary.json");
  const summary = { ...body.summary_json, id: crypto.randomUUID(), date, created_at: pyIso(now).replace("+00:00", "") };
  if (legacy) return { summary: pythonRepr(summary), uid, created_at: pyIso(now).replace("+00:00", "") };
  return { summary: pythonRepr(summary), summary_json: summary, uid, created_at: pyIso(now) };
}

/** PCM16 little-endian mono: a gentle two-tone hum, so the waveform has a shape. */
export function tonePcm(seconds: number, sampleRate: number): Uint8Array {
  const samples = Math.round(seconds * sampleRate);
  const buf = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / sampleRate;
    const envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 0.5 * t);
    const v = envelope * (0.6 * Math.sin(2 * Math.PI * 220 * t) + 0.4 * Math.sin(2 * Math.PI * 330 * t));
    buf.writeInt16LE(Math.round(v * 12000), i * 2);
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Reads a PCM16 WAV file (mono or stereo, downmixed), returning mono samples and the rate. */
export function readWav(file: string): { pcm: Uint8Array; sampleRate: number } {
  const data = readFileSync(file);
  if (data.toString("ascii", 0, 4) !== "RIFF" || data.toString("ascii", 8, 12) !== "WAVE") throw new Error(`${file} is not a WAV file`);
  let offset = 12;
  let channels = 1;
  let sampleRate = 16000;
  let bits = 16;
  while (offset + 8 <= data.length) {
    const id = data.toString("ascii", offset, offset + 4);
    const size = data.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === "fmt ") {
      const format = data.readUInt16LE(body);
      channels = data.readUInt16LE(body + 2);
      sampleRate = data.readUInt32LE(body + 4);
      bits = data.readUInt16LE(body + 14);
      if ((format !== 1 && format !== 0xfffe) || bits !== 16) throw new Error(`${file}: only 16-bit PCM WAV is supported`);
    } else if (id === "data") {
      const end = Math.min(data.length, body + size);
      const frames = Math.floor((end - body) / (2 * channels));
      const out = Buffer.alloc(frames * 2);
      for (let f = 0; f < frames; f++) {
        let sum = 0;
        for (let c = 0; c < channels; c++) sum += data.readInt16LE(body + (f * channels + c) * 2);
        out.writeInt16LE(Math.round(sum / channels), f * 2);
      }
      return { pcm: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
}
