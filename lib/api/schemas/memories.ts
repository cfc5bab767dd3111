/**
 * Response and request shapes of the memories read API, shared by the routes and the
 * dashboard. Our fields are camelCase; Omi's original payload sits unchanged under "omi".
 */
import { z } from "zod";
import { dateParam, emptyToUndefined } from "./params";

const isoDate = z.string();

export const snippetPartSchema = z.object({ text: z.string(), match: z.boolean() });

export const memorySummarySchema = z.object({
  id: z.string(),
  uid: z.string(),
  /** Omi's conversation id (GET /api/v1/memories?omiId= finds it). */
  omiId: z.string(),
  title: z.string(),
  overview: z.string(),
  emoji: z.string(),
  category: z.string(),
  source: z.string().nullable(),
  language: z.string().nullable(),
  folderName: z.string().nullable(),
  discarded: z.boolean(),
  /** Omi's times keep Omi's microseconds when Omi sent them ("…03.237616Z"); ours have milliseconds. */
  startedAt: isoDate.nullable(),
  finishedAt: isoDate.nullable(),
  /** When Omi created it, else when it first arrived here. */
  createdAt: isoDate,
  receivedAt: isoDate,
  updatedAt: isoDate,
  /** The time the list sorts and filters by (started, else created). */
  listedAt: isoDate,
  durationSeconds: z.number().nullable(),
  actionItemCount: z.number().int(),
  revisions: z.number().int(),
  /** Overview (or, when searching, the best matching passage) as plain parts; `match` parts are the searched words. */
  snippet: z.array(snippetPartSchema),
  /** Search relevance (higher is better); null when not searching. */
  rank: z.number().nullable(),
});
export type MemorySummary = z.infer<typeof memorySummarySchema>;

export const memoryListSchema = z.object({
  items: z.array(memorySummarySchema),
  nextCursor: z.string().nullable(),
});
export type MemoryList = z.infer<typeof memoryListSchema>;

const booleanParam = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

/** GET /api/v1/memories query. Empty values count as absent (forms send them). */
export const memoryListQuerySchema = z.object({
  q: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(200).optional()),
  category: z.preprocess(emptyToUndefined, z.string().max(60).optional()),
  from: z.preprocess(emptyToUndefined, dateParam.optional()),
  to: z.preprocess(emptyToUndefined, dateParam.optional()),
  /** true: include discarded memories (hidden by default). */
  discarded: z.preprocess(emptyToUndefined, booleanParam.optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(1000).optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(20)),
  /** Omi's conversation id: the memory Omi knows by that id (the same bound as the ingest's). */
  omiId: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
});
export type MemoryListQuery = z.infer<typeof memoryListQuerySchema>;

export const transcriptSegmentSchema = z.object({
  idx: z.number().int(),
  segmentId: z.string().nullable(),
  text: z.string(),
  speaker: z.string().nullable(),
  speakerId: z.number().int().nullable(),
  speakerName: z.string().nullable(),
  isUser: z.boolean(),
  personId: z.string().nullable(),
  start: z.number(),
  end: z.number(),
});
export type TranscriptSegmentView = z.infer<typeof transcriptSegmentSchema>;

export const actionItemSchema = z.object({
  id: z.string(),
  memoryId: z.string(),
  /** Omi's action-item id, once the Developer API told us (webhooks carry none). */
  omiId: z.string().nullable(),
  description: z.string(),
  /** What counts: the person's tick here when set, else Omi's value. */
  completed: z.boolean(),
  completedOmi: z.boolean(),
  completedLocal: z.boolean().nullable(),
  completedLocalAt: isoDate.nullable(),
  dueAt: isoDate.nullable(),
  /** False when Omi's latest copy of the memory no longer lists it. */
  present: z.boolean(),
  /** The tick made here, on its way to Omi: pending, sent, or failed (with why). Null: nothing to send. */
  omiSync: z.object({ state: z.enum(["pending", "sent", "failed"]), error: z.string().nullable() }).nullable(),
  /** The latest change of completion (here or in Omi) from the item's history. */
  lastChange: z.object({ source: z.enum(["hub", "omi"]), completed: z.boolean(), at: isoDate, note: z.string().nullable() }).nullable(),
});
export type ActionItemView = z.infer<typeof actionItemSchema>;

export const memoryDetailSchema = memorySummarySchema.extend({
  transcriptSegments: z.array(transcriptSegmentSchema),
  actionItems: z.array(actionItemSchema),
  sections: z.array(z.object({ heading: z.string(), bodyMarkdown: z.string() })),
  events: z.array(
    z.object({
      title: z.string(),
      description: z.string().nullable(),
      start: z.string().nullable(),
      durationMinutes: z.number().nullable(),
    }),
  ),
  calendarEvent: z
    .object({
      title: z.string(),
      startTime: z.string().nullable(),
      endTime: z.string().nullable(),
      htmlLink: z.string().nullable(),
      attendees: z.array(z.string()),
    })
    .nullable(),
  photos: z.array(z.object({ id: z.string().nullable(), contentType: z.string(), base64: z.string(), description: z.string().nullable() })),
  /** Live sessions whose segments became this memory, and recordings overlapping its time. */
  related: z.object({
    liveSessions: z.array(z.object({ id: z.string(), startedAt: isoDate })),
    recordings: z.array(z.object({ id: z.string(), startedAt: isoDate, lastChunkAt: isoDate })),
  }),
  /** Omi's payload exactly as received. */
  omi: z.unknown(),
});
export type MemoryDetail = z.infer<typeof memoryDetailSchema>;

// ─── Action items ────────────────────────────────────────────────────────────

export const actionItemWithMemorySchema = actionItemSchema.extend({
  memory: z.object({ id: z.string(), title: z.string(), emoji: z.string(), listedAt: isoDate }),
});
export type ActionItemWithMemory = z.infer<typeof actionItemWithMemorySchema>;

export const actionItemListSchema = z.object({
  items: z.array(actionItemWithMemorySchema),
  nextCursor: z.string().nullable(),
});

export const actionItemListQuerySchema = z.object({
  status: z.enum(["open", "completed", "all"]).default("open"),
  cursor: z.preprocess(emptyToUndefined, z.string().max(1000).optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});

/** PATCH /api/v1/action-items/{id} */
export const actionItemPatchSchema = z.object({ completed: z.boolean() }).strict();
export type ActionItemPatch = z.infer<typeof actionItemPatchSchema>;

// ─── Export and deletion ─────────────────────────────────────────────────────

export const exportFormatSchema = z.object({ format: z.enum(["md", "json"]).default("md") });

/** DELETE /api/v1/account/data body: the person types this to confirm. */
export const deleteDataSchema = z.object({ confirm: z.literal("DELETE") });
export const deleteDataResultSchema = z.object({
  deleted: z.object({
    memories: z.number().int(),
    daySummaries: z.number().int(),
    recordings: z.number().int(),
    liveSessions: z.number().int(),
    deliveries: z.number().int(),
  }),
});
