/**
 * Shapes of the recordings API, shared by the routes and the /audio page.
 * Times are ISO strings; byte positions are into the PCM data (after the 44-byte WAV header).
 */
import { z } from "zod";
import { dateParam, emptyToUndefined } from "./params";

export const audioGapSchema = z.object({
  /** PCM byte offset where audio went missing. */
  atByte: z.number().int(),
  /** Position in the recording's audio (seconds) where audio went missing. */
  atSeconds: z.number(),
  /** Estimated seconds of audio that never arrived (not in the WAV). */
  missingSeconds: z.number(),
});

export const recordingSummarySchema = z.object({
  id: z.string(),
  uid: z.string(),
  startedAt: z.string(),
  /** startedAt + audio + missing seconds, or the last chunk's arrival if later. */
  endedAt: z.string(),
  lastChunkAt: z.string(),
  sampleRate: z.number().int(),
  durationSeconds: z.number(),
  /** PCM bytes (the WAV is 44 bytes longer). */
  byteLength: z.number().int(),
  chunkCount: z.number().int(),
  gaps: z.array(audioGapSchema),
});
export type RecordingSummary = z.infer<typeof recordingSummarySchema>;

export const recordingListSchema = z.object({
  items: z.array(recordingSummarySchema),
  nextCursor: z.string().nullable(),
});
export type RecordingList = z.infer<typeof recordingListSchema>;

export const recordingSegmentSchema = z.object({
  id: z.string(),
  text: z.string(),
  speaker: z.string().nullable(),
  speakerId: z.number().int().nullable(),
  speakerName: z.string().nullable(),
  isUser: z.boolean(),
  firstSeenAt: z.string(),
  /** Seconds into the recording at which the segment arrived (arrival clock; ≥ 0). */
  offsetSeconds: z.number(),
});
export type RecordingSegment = z.infer<typeof recordingSegmentSchema>;

export const recordingDetailSchema = recordingSummarySchema.extend({
  /** Waveform: one byte (0–255, peak level) per 1/peaksPerSecond s, base64. */
  peaks: z.string(),
  peaksPerSecond: z.number(),
  /** Live transcript segments that arrived while this recording was streaming. */
  segments: z.array(recordingSegmentSchema),
});
export type RecordingDetail = z.infer<typeof recordingDetailSchema>;

/** GET /api/v1/recordings query: recordings started in [from, to), newest first. */
export const recordingListQuerySchema = z.object({
  from: z.preprocess(emptyToUndefined, dateParam.optional()),
  to: z.preprocess(emptyToUndefined, dateParam.optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});

/** GET /api/v1/recordings/{id}/audio query. */
export const recordingAudioQuerySchema = z.object({
  download: z.preprocess(emptyToUndefined, z.enum(["1", "true", "0", "false"]).optional()),
});

export const audioRetentionSchema = z.object({
  /** Delete audio older than this many days; null keeps it. */
  days: z.number().int().min(1).max(3650).nullable(),
});
export type AudioRetention = z.infer<typeof audioRetentionSchema>;

export const deletedSchema = z.object({ deleted: z.boolean() });
