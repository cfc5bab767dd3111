/**
 * The memory ("conversation created") webhook body, in every shape Omi sends it
 * (docs/OMI.md §1): the developer webhook, the integration-app webhook and the
 * phone's "Trigger webhook with existing data" (structured.actionItems as strings,
 * events with startsAt, plugins_results[].pluginId, source "ConversationSource.omi",
 * segments without id). Only `id` is required; everything else is optional so new or
 * missing fields never refuse a delivery, and unknown fields pass through (the whole
 * body is stored raw). lib/omi/memory-normalise.ts turns any of them into one record.
 */
import { z } from "zod";
import { transcriptSegmentSchema } from "./realtime-schema";
import { isOmiTimestamp } from "./timestamps";

const optionalText = z.string().nullish();
const timestamp = z.string().refine(isOmiTimestamp, "Not an ISO-8601 timestamp").nullish();

const actionItemSchema = z.looseObject({
  description: z.string(),
  completed: z.boolean().nullish(),
  due_at: timestamp,
  completed_at: timestamp,
});

const eventSchema = z.looseObject({
  title: optionalText,
  description: optionalText,
  /** Omi: ISO start, the offset may be missing. */
  start: optionalText,
  /** Phone serializer. */
  startsAt: optionalText,
  duration: z.number().nullish(),
});

const appResultSchema = z.looseObject({
  app_id: optionalText,
  plugin_id: optionalText,
  appId: optionalText,
  pluginId: optionalText,
  content: optionalText,
});

export const memoryStructuredSchema = z.looseObject({
  title: optionalText,
  overview: optionalText,
  emoji: optionalText,
  category: optionalText,
  sections: z.array(z.looseObject({ heading: optionalText, body_markdown: optionalText })).nullish(),
  action_items: z.array(actionItemSchema).nullish(),
  /** Phone "trigger webhook": plain strings (newer builds may send objects). */
  actionItems: z.array(z.union([z.string(), actionItemSchema])).nullish(),
  events: z.array(eventSchema).nullish(),
});

export const memoryPayloadSchema = z.looseObject({
  // Indexed (memories_uid_owner_omi): a btree entry cannot hold a giant id, so bound it (a 422, not a 500).
  id: z.string().min(1, "The memory id is missing").max(200),
  created_at: timestamp,
  updated_at: timestamp,
  started_at: timestamp,
  finished_at: timestamp,
  source: optionalText,
  language: optionalText,
  structured: memoryStructuredSchema.nullish(),
  transcript_segments: z.array(transcriptSegmentSchema).nullish(),
  apps_results: z.array(appResultSchema).nullish(),
  plugins_results: z.array(appResultSchema).nullish(),
  discarded: z.boolean().nullish(),
  /** Phone "trigger webhook" only. */
  deleted: z.boolean().nullish(),
  folder_name: optionalText,
});
export type MemoryPayload = z.infer<typeof memoryPayloadSchema>;
