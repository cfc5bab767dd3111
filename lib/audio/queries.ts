/**
 * Reads and deletes of recordings, always through the account's scope: another
 * account's recording is simply not found.
 */
import "server-only";
import { and, asc, desc, eq, gte, lt, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type DbOrTx } from "@/db/client";
import { audioChunks, recordings, transcriptSegments, type Recording } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import type { RecordingDetail, RecordingSummary } from "@/lib/api/schemas/recordings";
import { visibleTo, type Scope } from "@/lib/auth/scope";
import { appendPeaks, PEAK_BUCKETS_PER_SECOND } from "./peaks";
import { expectedEnd } from "./timeline";
import { pcmSeconds } from "./wav";

const summaryColumns = {
  id: recordings.id,
  uid: recordings.uid,
  ownerUserId: recordings.ownerUserId,
  sampleRate: recordings.sampleRate,
  startedAt: recordings.startedAt,
  lastChunkAt: recordings.lastChunkAt,
  byteLength: recordings.byteLength,
  chunkCount: recordings.chunkCount,
  gaps: recordings.gaps,
};
type SummaryRow = Pick<Recording, keyof typeof summaryColumns>;

export function toSummary(r: SummaryRow): RecordingSummary {
  const end = expectedEnd(r);
  return {
    id: r.id,
    uid: r.uid,
    startedAt: r.startedAt.toISOString(),
    endedAt: new Date(Math.max(end.getTime(), r.lastChunkAt.getTime())).toISOString(),
    lastChunkAt: r.lastChunkAt.toISOString(),
    sampleRate: r.sampleRate,
    durationSeconds: pcmSeconds(r.byteLength, r.sampleRate),
    byteLength: r.byteLength,
    chunkCount: r.chunkCount,
    gaps: r.gaps,
  };
}

// ─── List ────────────────────────────────────────────────────────────────────

const cursorSchema = z.object({ t: z.number().int(), id: z.string().max(100) });
const badCursor = () => new AppError("bad_request", "The cursor is not valid: start again from the first page");

function encodeCursor(r: { startedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ t: r.startedAt.getTime(), id: r.id }), "utf8").toString("base64url");
}

function decodeCursor(raw: string): z.infer<typeof cursorSchema> {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw badCursor();
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw badCursor();
}

/** Recordings started in [from, to), newest first, keyset-paginated. */
export async function listRecordings(args: {
  scope: Scope;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}): Promise<{ items: RecordingSummary[]; nextCursor: string | null }> {
  const { scope, from, to, limit } = args;
  const cursor = args.cursor ? decodeCursor(args.cursor) : null;
  const found = await db
    .select(summaryColumns)
    .from(recordings)
    .where(
      and(
        visibleTo(recordings, scope),
        from ? gte(recordings.startedAt, from) : undefined,
        to ? lt(recordings.startedAt, to) : undefined,
        cursor
          ? or(
              lt(recordings.startedAt, new Date(cursor.t)),
              and(eq(recordings.startedAt, new Date(cursor.t)), lt(recordings.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(recordings.startedAt), desc(recordings.id))
    .limit(limit + 1);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toSummary), nextCursor: found.length > limit && last ? encodeCursor(last) : null };
}

// ─── One ─────────────────────────────────────────────────────────────────────

/** The recording's summary, or null when this scope cannot see it. */
export async function getRecording(args: { scope: Scope; id: string }): Promise<RecordingSummary | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(recordings)
    .where(and(eq(recordings.id, args.id), visibleTo(recordings, args.scope)));
  return row ? toSummary(row) : null;
}

const MAX_SEGMENTS = 5000;

/** Summary, waveform peaks and the transcript segments that arrived while it streamed. */
export async function getRecordingDetail(args: { scope: Scope; id: string }): Promise<RecordingDetail | null> {
  const [row] = await db
    .select({ ...summaryColumns, peaks: recordings.peaks, peaksStale: recordings.peaksStale })
    .from(recordings)
    .where(and(eq(recordings.id, args.id), visibleTo(recordings, args.scope)));
  if (!row) return null;
  const summary = toSummary(row);
  const peaks = row.peaksStale ? await recomputePeaks(row) : row.peaks;
  const segments = await db
    .select({
      id: transcriptSegments.id,
      text: transcriptSegments.text,
      speaker: transcriptSegments.speaker,
      speakerId: transcriptSegments.speakerId,
      speakerName: transcriptSegments.speakerName,
      isUser: transcriptSegments.isUser,
      firstSeenAt: transcriptSegments.firstSeenAt,
    })
    .from(transcriptSegments)
    .where(
      and(
        visibleTo(transcriptSegments, args.scope),
        eq(transcriptSegments.uid, row.uid),
        gte(transcriptSegments.firstSeenAt, row.startedAt),
        lte(transcriptSegments.firstSeenAt, row.lastChunkAt),
      ),
    )
    .orderBy(asc(transcriptSegments.firstSeenAt), asc(transcriptSegments.start))
    .limit(MAX_SEGMENTS);
  return {
    ...summary,
    peaks: Buffer.from(peaks ?? new Uint8Array()).toString("base64"),
    peaksPerSecond: PEAK_BUCKETS_PER_SECOND,
    segments: segments.map((s) => ({
      ...s,
      firstSeenAt: s.firstSeenAt.toISOString(),
      offsetSeconds: Math.max(0, (s.firstSeenAt.getTime() - row.startedAt.getTime()) / 1000),
    })),
  };
}

/**
 * Peaks from the chunks themselves, for a recording whose peaks ingest could not merge
 * in place (lib/ingest/audio.ts). Stored back unless a chunk arrived meanwhile (the
 * next read then recomputes again).
 */
async function recomputePeaks(row: { id: string; sampleRate: number; byteLength: number }): Promise<Uint8Array> {
  let peaks: Uint8Array = new Uint8Array(0);
  for (let from = 0; from < row.byteLength;) {
    const chunks = await readChunks({ recordingId: row.id, from, to: row.byteLength, limit: 64 });
    if (!chunks.length) break;
    for (const chunk of chunks) peaks = appendPeaks(peaks, chunk.data, chunk.byteOffset / 2, row.sampleRate);
    const last = chunks[chunks.length - 1]!;
    from = last.byteOffset + last.data.length;
  }
  await db
    .update(recordings)
    .set({ peaks, peaksStale: false })
    .where(and(eq(recordings.id, row.id), eq(recordings.byteLength, row.byteLength)));
  return peaks;
}

/** Deletes the recording (its chunks cascade). False when this scope cannot see it. */
export async function deleteRecording(args: { scope: Scope; id: string }): Promise<boolean> {
  const deleted = await db
    .delete(recordings)
    .where(and(eq(recordings.id, args.id), visibleTo(recordings, args.scope)))
    .returning({ id: recordings.id });
  return deleted.length > 0;
}

// ─── Chunks, for streaming ───────────────────────────────────────────────────

export type ChunkSlice = { byteOffset: number; data: Uint8Array };

/**
 * Up to `limit` chunks of a recording, in byte order, from the one holding PCM byte
 * `from` up to those starting before `to`. Finding the first chunk is one backward
 * index probe on (recording_id, byte_offset), so a seek reads only what it sends.
 * Callers have checked visibility on the recording already.
 */
export async function readChunks(
  args: { recordingId: string; from: number; to: number; limit: number },
  on: DbOrTx = db,
): Promise<ChunkSlice[]> {
  const { recordingId, from, to, limit } = args;
  const firstOffset = sql`(select coalesce(max(${audioChunks.byteOffset}), 0) from ${audioChunks} where ${audioChunks.recordingId} = ${recordingId} and ${audioChunks.byteOffset} <= ${from})`;
  return on
    .select({ byteOffset: audioChunks.byteOffset, data: audioChunks.data })
    .from(audioChunks)
    .where(and(eq(audioChunks.recordingId, recordingId), gte(audioChunks.byteOffset, firstOffset), lt(audioChunks.byteOffset, to)))
    .orderBy(asc(audioChunks.byteOffset))
    .limit(limit);
}
