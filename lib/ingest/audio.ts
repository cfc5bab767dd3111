/**
 * Audio bytes webhook (omi-integration.md §3): one PCM16 mono chunk joins the stream's
 * latest recording or starts a new one (rule in lib/audio/timeline.ts), and the
 * recording's length, gaps and waveform peaks are brought up to date in the same
 * transaction. The webhook wrapper has already validated sample_rate and the body.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { audioChunks, recordings, type AudioGap } from "@/db/schema";
import { appendPeaks } from "@/lib/audio/peaks";
import { placeChunk } from "@/lib/audio/timeline";
import { env } from "@/lib/env";
import type { IngestContext, IngestResult } from "./types";

export type AudioChunkInput = { sampleRate: number; pcm: Uint8Array };

export async function ingestAudioChunk(ctx: IngestContext, chunk: AudioChunkInput): Promise<IngestResult> {
  const { tx, uid, ownerUserId, receivedAt } = ctx;

  // One stream = (uid, owner). Chunks of a stream are placed one at a time: a
  // transaction-scoped advisory lock serializes them even when the stream has no
  // recording yet to lock a row of (two first chunks must not open two recordings).
  await rows(sql`select pg_advisory_xact_lock(hashtextextended(${`audio:${uid}:${ownerUserId ?? ""}`}, 0))`, tx);

  const ownerMatch = ownerUserId === null ? sql`${recordings.ownerUserId} is null` : eq(recordings.ownerUserId, ownerUserId);
  const [latest] = await tx
    .select({
      id: recordings.id,
      sampleRate: recordings.sampleRate,
      startedAt: recordings.startedAt,
      byteLength: recordings.byteLength,
      gaps: recordings.gaps,
      peaks: recordings.peaks,
    })
    .from(recordings)
    .where(and(eq(recordings.uid, uid), ownerMatch))
    .orderBy(desc(recordings.lastChunkAt), desc(recordings.startedAt))
    .limit(1);

  const placement = placeChunk({
    latest: latest ?? null,
    sampleRate: chunk.sampleRate,
    receivedAt,
    splitAfterSeconds: env.AUDIO_GAP_SECONDS,
  });

  let recordingId: string;
  let byteOffset: number;
  let gaps: AudioGap[];
  let previousPeaks: Uint8Array | null;
  if (placement.kind === "append" && latest) {
    recordingId = latest.id;
    byteOffset = latest.byteLength;
    gaps = placement.gap ? [...latest.gaps, placement.gap] : latest.gaps;
    previousPeaks = latest.peaks;
  } else {
    const [created] = await tx
      .insert(recordings)
      .values({ uid, ownerUserId, sampleRate: chunk.sampleRate, startedAt: receivedAt, lastChunkAt: receivedAt })
      .returning({ id: recordings.id });
    recordingId = created!.id;
    byteOffset = 0;
    gaps = [];
    previousPeaks = null;
  }

  const [stored] = await tx
    .insert(audioChunks)
    .values({
      recordingId,
      uid,
      ownerUserId,
      byteOffset,
      byteLength: chunk.pcm.length,
      sampleRate: chunk.sampleRate,
      receivedAt,
      data: chunk.pcm,
    })
    .returning({ id: audioChunks.id });

  await tx
    .update(recordings)
    .set({
      byteLength: byteOffset + chunk.pcm.length,
      chunkCount: sql`${recordings.chunkCount} + 1`,
      lastChunkAt: sql`greatest(${recordings.lastChunkAt}, ${receivedAt.toISOString()}::timestamptz)`,
      gaps,
      peaks: appendPeaks(previousPeaks, chunk.pcm, byteOffset / 2, chunk.sampleRate),
    })
    .where(eq(recordings.id, recordingId));

  return { stored: { chunkId: String(stored!.id), recordingId } };
}
