/**
 * Shapes of the live transcript API, shared by the routes and the /live page:
 * GET /api/v1/live/stream (SSE `segment` events), GET /api/v1/live/segments and
 * GET /api/v1/live/sessions.
 */
import { z } from "zod";

export const liveSegmentSchema = z.object({
  id: z.string(),
  uid: z.string(),
  sessionId: z.string(),
  text: z.string(),
  speaker: z.string().nullable(),
  speakerId: z.number().nullable(),
  speakerName: z.string().optional(),
  isUser: z.boolean(),
  /** Seconds from the start of Omi's conversation (relative, not clock time). */
  start: z.number(),
  end: z.number(),
});
export type LiveSegmentItem = z.infer<typeof liveSegmentSchema>;

/** The first event of every stream: where it starts. */
export const liveReadySchema = z.object({ cursor: z.string() });

export const liveSegmentsQuery = z.object({
  /** Cursor from a previous answer (or an SSE event id); absent: from the beginning. */
  after: z.string().max(8000).optional(),
  /** Instead of `after`: every segment of one session, in spoken order, plus the cursor to stream on from. */
  sessionId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const liveSegmentsSchema = z.object({
  items: z.array(liveSegmentSchema),
  /** Pass as `after` (or Last-Event-ID / ?cursor= on the stream) to continue. */
  nextCursor: z.string(),
  /** More changes are waiting right now (ask again at once). */
  hasMore: z.boolean(),
});
export type LiveSegments = z.infer<typeof liveSegmentsSchema>;

export const liveSessionSchema = z.object({
  id: z.string(),
  uid: z.string(),
  startedAt: z.string(),
  lastSegmentAt: z.string(),
  segmentCount: z.number(),
  active: z.boolean(),
  memoryId: z.string().nullable(),
  memoryTitle: z.string().nullable(),
});
export type LiveSessionItem = z.infer<typeof liveSessionSchema>;

export const liveSessionsSchema = z.object({ items: z.array(liveSessionSchema) });
export type LiveSessions = z.infer<typeof liveSessionsSchema>;

export const liveStreamQuery = z.object({ cursor: z.string().max(8000).optional() });
