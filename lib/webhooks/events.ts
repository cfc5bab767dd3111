/**
 * What each webhook event accepts and which ingest function stores it. JSON events
 * share one path (content type, JSON, sanitise, zod); audio is raw PCM16 bytes.
 */
import type { z } from "zod";
import type { WebhookEvent } from "@/db/schema";
import { ingestAudioChunk } from "@/lib/ingest/audio";
import { ingestButton } from "@/lib/ingest/button";
import { ingestDaySummary } from "@/lib/ingest/day-summary";
import { ingestMemory } from "@/lib/ingest/memory";
import { ingestRealtime } from "@/lib/ingest/realtime";
import type { IngestContext, IngestResult } from "@/lib/ingest/types";
import { buttonPayloadSchema } from "@/lib/omi/button-schema";
import { daySummaryPayloadSchema } from "@/lib/omi/day-summary-schema";
import { memoryPayloadSchema } from "@/lib/omi/memory-schema";
import { realtimePayloadSchema } from "@/lib/omi/realtime-schema";
import { withNotificationRules } from "@/lib/notify/hooks";

export type JsonEventSpec<S extends z.ZodType = z.ZodType> = {
  kind: "json";
  /** Names the body in error messages: "Memory is invalid: structured.title: …". */
  what: string;
  schema: S;
  ingest: (ctx: IngestContext, payload: z.infer<S>) => Promise<IngestResult>;
};
export type AudioEventSpec = {
  kind: "audio";
  what: string;
  ingest: (ctx: IngestContext, chunk: { sampleRate: number; pcm: Uint8Array }) => Promise<IngestResult>;
};

function jsonEvent<S extends z.ZodType>(spec: Omit<JsonEventSpec<S>, "kind">): JsonEventSpec {
  return { kind: "json", ...spec } as unknown as JsonEventSpec;
}

export const eventSpecs: Record<WebhookEvent, JsonEventSpec | AudioEventSpec> = {
  memory: jsonEvent({ what: "Memory", schema: memoryPayloadSchema, ingest: withNotificationRules("memory", ingestMemory) }),
  realtime: jsonEvent({ what: "Real-time transcript", schema: realtimePayloadSchema, ingest: withNotificationRules("realtime", ingestRealtime) }),
  "day-summary": jsonEvent({ what: "Day summary", schema: daySummaryPayloadSchema, ingest: withNotificationRules("day-summary", ingestDaySummary) }),
  button: jsonEvent({ what: "Button event", schema: buttonPayloadSchema, ingest: ingestButton }),
  audio: { kind: "audio", what: "Audio", ingest: ingestAudioChunk },
};

/** Omi's X-Omi-Event names for our events (omi-integration.md §6a). */
export const omiEventNames: Record<WebhookEvent, string> = {
  memory: "memory_created",
  realtime: "realtime_transcript",
  audio: "audio_bytes",
  "day-summary": "day_summary",
  button: "button_event",
};
