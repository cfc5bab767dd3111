/**
 * The Omi simulator as functions: tests, benchmarks and the CLI
 * (scripts/omi-simulator.ts, `npm run omi`) send exactly what Omi sends.
 *
 *   await sendMemory({ baseUrl: "http://localhost:3000", token, uid });
 *   await streamLive({ baseUrl, token, uid, segments: 8, intervalMs: 1000 });
 *   await sendAudio({ baseUrl, token, uid, seconds: 10 });
 *   await sendDaySummary({ baseUrl, token, uid, legacy: true });
 *   await sendButton({ baseUrl, token, uid });
 */
import { daySummaryBody, liveLine, liveSegment, memoryBody, readWav, tonePcm, type MemoryShape } from "./payloads";
import { postWebhook, type SentRequest } from "./send";
import type { SimTarget } from "./target";

export type { SimTarget } from "./target";
export type { SentRequest } from "./send";
export { eventUrl, requestUrl } from "./target";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function sendMemory(
  options: SimTarget & { count?: number; shape?: MemoryShape; now?: Date },
): Promise<{ memoryIds: string[]; requests: SentRequest[] }> {
  const memoryIds: string[] = [];
  const requests: SentRequest[] = [];
  for (let i = 0; i < (options.count ?? 1); i++) {
    const body = memoryBody({ index: i, now: options.now, shape: options.shape });
    memoryIds.push(body.id as string);
    requests.push(await postWebhook(options, "memory", JSON.stringify(body)));
  }
  return { memoryIds, requests };
}

/**
 * Given memory bodies, e.g. conversations Omi also serves through its Developer API
 * (the fake Omi's /__fake/dev/webhook-body/{id}), sent as the memory webhook would.
 */
export async function sendMemoryBodies(options: SimTarget & { bodies: Record<string, unknown>[] }): Promise<{ requests: SentRequest[] }> {
  const requests: SentRequest[] = [];
  for (const body of options.bodies) requests.push(await postWebhook(options, "memory", JSON.stringify(body)));
  return { requests };
}

/**
 * A live listening session: one call about every `intervalMs` carrying only the new
 * segments; every third segment is first sent cut short and re-sent whole (same id,
 * longer text) with the next call, as Omi's transcriber does.
 */
export async function streamLive(
  options: SimTarget & { segments?: number; intervalMs?: number },
): Promise<{ segmentIds: string[]; texts: string[]; requests: SentRequest[] }> {
  const total = options.segments ?? 8;
  const interval = options.intervalMs ?? 1000;
  const requests: SentRequest[] = [];
  const segments: Record<string, unknown>[] = [];
  let pending: Record<string, unknown> | null = null;
  let start = 0;
  for (let i = 0; i < total; i++) {
    const text = liveLine(i);
    const segment = liveSegment({ index: i, text, start });
    start = (segment.end as number) + 0.4;
    segments.push(segment);
    const batch: Record<string, unknown>[] = [];
    if (pending) batch.push(pending);
    pending = null;
    if (i % 3 === 2 && i < total - 1) {
      const words = text.split(" ");
      batch.push({ ...segment, text: words.slice(0, Math.max(1, Math.ceil(words.length / 2))).join(" ") });
      pending = segment;
    } else batch.push(segment);
    // Developer webhook body order: segments first; session_id is the uid.
    requests.push(await postWebhook(options, "realtime", JSON.stringify({ segments: batch, session_id: options.uid })));
    if (i < total - 1 && interval > 0) await sleep(interval);
  }
  return { segmentIds: segments.map((s) => s.id as string), texts: segments.map((s) => s.text as string), requests };
}

/**
 * Audio like the developer webhook: the buffer is sent every `burstSeconds` (default 5)
 * as 1-second requests (sample_rate*2 bytes, the last one shorter), in order; a chunk
 * that still fails after retries drops the rest of its burst.
 */
export async function sendAudio(
  options: SimTarget & { seconds?: number; wavFile?: string; sampleRate?: number; burstSeconds?: number; intervalMs?: number },
): Promise<{ chunks: number; bytes: number; sampleRate: number; requests: SentRequest[] }> {
  const source = options.wavFile
    ? readWav(options.wavFile)
    : { pcm: tonePcm(options.seconds ?? 10, options.sampleRate ?? 16000), sampleRate: options.sampleRate ?? 16000 };
  const { pcm, sampleRate } = source;
  const secondBytes = sampleRate * 2;
  const burstBytes = secondBytes * (options.burstSeconds ?? 5);
  const interval = options.intervalMs ?? (options.burstSeconds ?? 5) * 1000;
  const requests: SentRequest[] = [];
  let bytes = 0;
  for (let burst = 0; burst < pcm.length; burst += burstBytes) {
    const end = Math.min(pcm.length, burst + burstBytes);
    for (let at = burst; at < end; at += secondBytes) {
      const chunk = pcm.subarray(at, Math.min(end, at + secondBytes));
      const sent = await postWebhook(options, "audio", chunk, { query: { sample_rate: String(sampleRate) } });
      requests.push(sent);
      if (sent.status < 200 || sent.status >= 300) break;
      bytes += chunk.length;
    }
    if (end < pcm.length && interval > 0) await sleep(interval);
  }
  return { chunks: requests.filter((r) => r.status >= 200 && r.status < 300).length, bytes, sampleRate, requests };
}

export async function sendDaySummary(
  options: SimTarget & { date?: string; now?: Date },
): Promise<{ date: string; requests: SentRequest[] }> {
  const now = options.now ?? new Date();
  const date = options.date ?? now.toISOString().slice(0, 10);
  const body = daySummaryBody({ uid: options.uid, date, legacy: options.legacy, now });
  return { date, requests: [await postWebhook(options, "day-summary", JSON.stringify(body))] };
}

/** The button event's shape is unconfirmed; this sends a small plausible object. */
export async function sendButton(options: SimTarget & { action?: string }): Promise<{ requests: SentRequest[] }> {
  const body = { uid: options.uid, type: "button", action: options.action ?? "single_tap", timestamp: Math.floor(Date.now() / 1000) };
  return { requests: [await postWebhook(options, "button", JSON.stringify(body))] };
}

/** Every event once: memories, a short live session, a few seconds of audio, a day summary, a button press. */
export async function sendAll(
  options: SimTarget & { count?: number; segments?: number; intervalMs?: number; seconds?: number; burstSeconds?: number },
) {
  const memory = await sendMemory(options);
  const live = await streamLive(options);
  const audio = await sendAudio({ ...options, seconds: options.seconds ?? 3, intervalMs: options.intervalMs });
  const daySummary = await sendDaySummary(options);
  const button = await sendButton(options);
  return { memory, live, audio, daySummary, button };
}
