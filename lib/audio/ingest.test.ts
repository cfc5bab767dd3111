/**
 * Recording assembly through the real ingest function, with arrival times controlled
 * the way Omi produces them (docs/OMI.md §3).
 */
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDb, resetTables } from "@/tests/db";
import { db } from "@/db/client";
import { audioChunks, recordings } from "@/db/schema";
import { ingestAudioChunk } from "@/lib/ingest/audio";
import { appendPeaks } from "./peaks";

useTestDb();
beforeEach(resetTables);

const SR = 16000;
const T0 = Date.parse("2026-11-21T14:05:00Z");

/** Distinct, deterministic PCM for each chunk so concatenation order is checkable. */
function pcm(seconds: number, seed: number, sampleRate = SR): Uint8Array {
  const n = Math.round(seconds * sampleRate);
  const out = new Uint8Array(n * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < n; i++) view.setInt16(i * 2, Math.round(Math.sin((i + seed * 97) / 7) * 3000 * ((seed % 5) + 1)), true);
  return out;
}

async function send(atMs: number, data: Uint8Array, opts: { uid?: string; sampleRate?: number } = {}) {
  return ingestAudioChunk(
    { uid: opts.uid ?? "u1", ownerUserId: null, receivedAt: new Date(atMs) },
    { sampleRate: opts.sampleRate ?? SR, pcm: data },
  );
}

/** Developer Settings audio: every `interval` s, `interval` 1-second requests back to back. */
async function sendBursts(opts: { interval: number; bursts: number; dropFrom?: { burst: number; chunk: number } }) {
  let seed = 0;
  for (let b = 0; b < opts.bursts; b++) {
    const burstAt = T0 + b * opts.interval * 1000;
    for (let c = 0; c < opts.interval; c++) {
      if (opts.dropFrom && opts.dropFrom.burst === b && c >= opts.dropFrom.chunk) break;
      await send(burstAt + c * 40, pcm(1, seed++));
    }
  }
}

const all = () => db.select().from(recordings).orderBy(asc(recordings.startedAt));

describe("recording assembly", () => {
  it("keeps 5-second bursts of 1-second requests in one recording without gaps", async () => {
    await sendBursts({ interval: 5, bursts: 8 });
    const recs = await all();
    expect(recs).toHaveLength(1);
    expect(recs[0]!.byteLength).toBe(40 * 2 * SR);
    expect(recs[0]!.chunkCount).toBe(40);
    expect(recs[0]!.gaps).toEqual([]);
  });

  it("keeps 60-second bursts in one recording without gaps", async () => {
    await sendBursts({ interval: 60, bursts: 3 });
    const recs = await all();
    expect(recs).toHaveLength(1);
    expect(recs[0]!.byteLength).toBe(180 * 2 * SR);
    expect(recs[0]!.gaps).toEqual([]);
  });

  it("keeps app audio (one ~4 s request every ~4 s, with jitter) in one recording without gaps", async () => {
    const jitter = [0, 700, -300, 1200, 200, -800, 400];
    for (let i = 0; i < jitter.length; i++) await send(T0 + i * 4000 + jitter[i]!, pcm(4, i));
    const recs = await all();
    expect(recs).toHaveLength(1);
    expect(recs[0]!.gaps).toEqual([]);
  });

  it("starts a second recording after a silence of several minutes", async () => {
    for (let i = 0; i < 5; i++) await send(T0 + i * 1000, pcm(1, i));
    for (let i = 0; i < 5; i++) await send(T0 + 5 * 60_000 + i * 1000, pcm(1, 10 + i));
    const recs = await all();
    expect(recs).toHaveLength(2);
    expect(recs.map((r) => r.byteLength)).toEqual([5 * 2 * SR, 5 * 2 * SR]);
    expect(recs[1]!.startedAt.getTime()).toBe(T0 + 5 * 60_000);
    expect(recs[0]!.lastChunkAt.getTime()).toBe(T0 + 4000);
  });

  it("joins a chunk that arrives just under the threshold late, and splits just over it", async () => {
    await send(T0, pcm(1, 0));
    await send(T0 + 1000 + 59_000, pcm(1, 1)); // 59 s late: joins, with a gap marker
    await send(T0 + 61_000 + 1000 + 61_000, pcm(1, 2)); // 61 s after the expected end: new recording
    const recs = await all();
    expect(recs).toHaveLength(2);
    expect(recs[0]!.gaps).toEqual([{ atByte: 2 * SR, atSeconds: 1, missingSeconds: 59 }]);
  });

  it("leaves a gap marker where a dropped request lost the rest of a burst", async () => {
    // Burst 3 (index 2) fails at its 3rd request: Omi drops that request and the two after it.
    await sendBursts({ interval: 5, bursts: 5, dropFrom: { burst: 2, chunk: 2 } });
    const [rec] = await all();
    expect(rec!.byteLength).toBe(22 * 2 * SR);
    expect(rec!.gaps).toEqual([{ atByte: 12 * 2 * SR, atSeconds: 12, missingSeconds: 3 }]);
    // The missing time counts toward the timeline: the later bursts add no further gaps.
  });

  it("starts a new recording when the sample rate changes", async () => {
    await send(T0, pcm(1, 0));
    await send(T0 + 1000, pcm(1, 1, 8000), { sampleRate: 8000 });
    const recs = await all();
    expect(recs.map((r) => r.sampleRate)).toEqual([16000, 8000]);
  });

  it("keeps streams of different uids apart", async () => {
    await send(T0, pcm(1, 0), { uid: "a" });
    await send(T0 + 1000, pcm(1, 1), { uid: "b" });
    await send(T0 + 2000, pcm(1, 2), { uid: "a" });
    const recs = await all();
    expect(recs.map((r) => [r.uid, r.chunkCount])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
  });

  it("stores chunks at consecutive byte offsets and peaks equal to a full recompute", async () => {
    // Odd-sized chunks so bucket boundaries fall inside chunks.
    const parts = [pcm(0.33, 1), pcm(1.01, 2), pcm(0.5, 3)];
    let at = T0;
    for (const p of parts) await send((at += 300), p);
    const [rec] = await all();
    const chunks = await db.select().from(audioChunks).where(eq(audioChunks.recordingId, rec!.id)).orderBy(asc(audioChunks.byteOffset));
    expect(chunks.map((c) => c.byteOffset)).toEqual([0, parts[0]!.length, parts[0]!.length + parts[1]!.length]);
    const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      whole.set(p, o);
      o += p.length;
    }
    expect(Buffer.from(rec!.peaks!)).toEqual(Buffer.from(appendPeaks(null, whole, 0, SR)));
    expect(rec!.peaks!.length).toBe(Math.ceil(whole.length / 2 / 1600));
  });

  it("marks peaks stale when another process stored the previous chunk, and the next read recomputes them exactly", async () => {
    const parts = [pcm(0.35, 4), pcm(1, 5)];
    // The first chunk is stored where this process cannot remember it (as if by another process).
    await db.transaction((tx) =>
      ingestAudioChunk({ uid: "u-other", ownerUserId: null, receivedAt: new Date(T0) }, { sampleRate: SR, pcm: parts[0]! }, { on: tx }),
    );
    await ingestAudioChunk({ uid: "u-other", ownerUserId: null, receivedAt: new Date(T0 + 400) }, { sampleRate: SR, pcm: parts[1]! });
    const [stale] = await db.select().from(recordings).where(eq(recordings.uid, "u-other"));
    expect(stale!.peaksStale).toBe(true);

    const { getRecordingDetail } = await import("./queries");
    const detail = await getRecordingDetail({ scope: { userId: "nobody", uids: ["u-other"] }, id: stale!.id });
    const whole = Buffer.concat([parts[0]!, parts[1]!]);
    expect(Buffer.from(detail!.peaks, "base64")).toEqual(Buffer.from(appendPeaks(null, whole, 0, SR)));
    const [repaired] = await db.select().from(recordings).where(eq(recordings.uid, "u-other"));
    expect(repaired!.peaksStale).toBe(false);
    expect(Buffer.from(repaired!.peaks!)).toEqual(Buffer.from(appendPeaks(null, whole, 0, SR)));
  });

  it("returns the chunk and recording ids", async () => {
    const r = await send(T0, pcm(1, 0));
    expect(r.stored).toEqual({ chunkId: expect.any(String), recordingId: expect.any(String) });
  });
});
