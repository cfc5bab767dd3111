/**
 * Audio bytes webhook (docs/OMI.md §3): one PCM16 mono chunk joins the stream's latest
 * recording or starts a new one, and the recording's length, gaps and waveform peaks
 * are brought up to date, in one statement (omi_ingest_audio, db/migrations 0004,
 * which applies the rule of lib/audio/timeline.ts). The webhook wrapper has already
 * validated sample_rate and the body. The bytes go as base64: postgres.js sends every
 * parameter as text, and base64 is 1.33× the bytes where bytea's hex text is 2×.
 *
 * Peaks are computed here, in Node, where the samples already are; a bucket's samples
 * depend on where the chunk starts in its recording, which only the database knows
 * for sure. So each process remembers every stream's recording after its latest chunk
 * and predicts where the next one lands (lib/audio/timeline.ts placeChunk, the same
 * rule); the function merges the peaks when the prediction holds and otherwise marks
 * the recording's peaks stale, for the next read to recompute (lib/audio/queries.ts).
 * One process receiving a stream always predicts right.
 */
import "server-only";
import { appendPeaks, samplesPerBucket } from "@/lib/audio/peaks";
import { placeChunk, type TimelineState } from "@/lib/audio/timeline";
import { env } from "@/lib/env";
import { storeIngest, unloggedDelivery } from "./store";
import type { IngestCall, IngestContext, IngestResult, StoreOptions } from "./types";

export type AudioChunkInput = { sampleRate: number; pcm: Uint8Array };

/** A stream's recording after its latest chunk, as this process last stored it. */
const streams = new Map<string, TimelineState>();
const MAX_STREAMS = 10_000;
const streamKey = (ctx: IngestContext) => `${ctx.uid}\u0000${ctx.ownerUserId ?? ""}`;

/** Where in its recording this chunk should start, in bytes (0: a new recording). */
function predictedOffset(ctx: IngestContext, chunk: AudioChunkInput): number {
  const latest = streams.get(streamKey(ctx)) ?? null;
  const placement = placeChunk({
    latest,
    sampleRate: chunk.sampleRate,
    receivedAt: ctx.receivedAt,
    splitAfterSeconds: env.AUDIO_GAP_SECONDS,
  });
  return placement.kind === "append" && latest ? latest.byteLength : 0;
}

export function audioCall(ctx: IngestContext, chunk: AudioChunkInput): IngestCall {
  const per = samplesPerBucket(chunk.sampleRate);
  const phase = (predictedOffset(ctx, chunk) / 2) % per;
  // Buckets from the one holding the chunk's first sample (which starts `phase` samples in).
  const peaks = appendPeaks(null, chunk.pcm, phase, chunk.sampleRate);
  return {
    procedure: "omi_ingest_audio",
    text: Buffer.from(chunk.pcm.buffer, chunk.pcm.byteOffset, chunk.pcm.byteLength).toString("base64"),
    fields: {
      audio: {
        sample_rate: chunk.sampleRate,
        split_after_seconds: env.AUDIO_GAP_SECONDS,
        peaks_phase: phase,
        peaks: Buffer.from(peaks.buffer, peaks.byteOffset, peaks.byteLength).toString("base64"),
      },
    },
  };
}

/** Remembers the stream's recording after a stored chunk, to place the next one. */
export function rememberAudio(ctx: IngestContext, result: IngestResult): void {
  const r = result.recording;
  if (!r) return;
  const key = streamKey(ctx);
  streams.delete(key);
  if (streams.size >= MAX_STREAMS) streams.delete(streams.keys().next().value!);
  streams.set(key, { sampleRate: r.sampleRate, startedAt: new Date(r.startedAt), byteLength: Number(r.byteLength), gaps: r.gaps });
}

/** Stores a chunk outside a webhook request (tests, seeding), in `options.on` when given. */
export async function ingestAudioChunk(ctx: IngestContext, chunk: AudioChunkInput, options: StoreOptions = {}): Promise<IngestResult> {
  const result = await storeIngest(audioCall(ctx, chunk), unloggedDelivery("audio", ctx, options), options.on);
  // Inside a caller's transaction the chunk may still roll back: remember nothing then.
  if (!options.on) rememberAudio(ctx, result);
  return result;
}
