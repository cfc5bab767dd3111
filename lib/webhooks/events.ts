/**
 * What each webhook event accepts and how its ingest turns it into one SQL call. JSON
 * events share one path (content type, JSON, sanitise, zod); audio is raw PCM16 bytes.
 */
import type { z } from "zod";
import type { WebhookEvent } from "@/lib/constants";
import { audioCall, type AudioChunkInput } from "@/lib/ingest/audio";
import { buttonCall } from "@/lib/ingest/button";
import { daySummaryCall } from "@/lib/ingest/day-summary";
import type { JsonBody } from "@/lib/ingest/json-body";
import { memoryCall } from "@/lib/ingest/memory";
import { realtimeCall } from "@/lib/ingest/realtime";
import type { IngestCall, IngestContext } from "@/lib/ingest/types";
import { buttonPayloadSchema } from "@/lib/omi/button-schema";
import { daySummaryPayloadSchema } from "@/lib/omi/day-summary-schema";
import { memoryPayloadSchema } from "@/lib/omi/memory-schema";
import { realtimePayloadSchema } from "@/lib/omi/realtime-schema";

export type JsonEventSpec<S extends z.ZodType = z.ZodType> = {
  kind: "json";
  /** Names the body in error messages: "Memory is invalid: structured.title: …". */
  what: string;
  schema: S;
  call: (payload: z.infer<S>, body: JsonBody) => IngestCall;
};
export type AudioEventSpec = {
  kind: "audio";
  what: string;
  call: (ctx: IngestContext, chunk: AudioChunkInput) => IngestCall;
};

function jsonEvent<S extends z.ZodType>(spec: Omit<JsonEventSpec<S>, "kind">): JsonEventSpec {
  return { kind: "json", ...spec } as unknown as JsonEventSpec;
}

export const eventSpecs: Record<WebhookEvent, JsonEventSpec | AudioEventSpec> = {
  memory: jsonEvent({ what: "Memory", schema: memoryPayloadSchema, call: memoryCall }),
  realtime: jsonEvent({ what: "Real-time transcript", schema: realtimePayloadSchema, call: realtimeCall }),
  "day-summary": jsonEvent({ what: "Day summary", schema: daySummaryPayloadSchema, call: daySummaryCall }),
  button: jsonEvent({ what: "Button event", schema: buttonPayloadSchema, call: buttonCall }),
  audio: { kind: "audio", what: "Audio", call: audioCall },
};

/** Omi's X-Omi-Event names for our events (docs/OMI.md §6). */
export const omiEventNames: Record<WebhookEvent, string> = {
  memory: "memory_created",
  realtime: "realtime_transcript",
  audio: "audio_bytes",
  "day-summary": "day_summary",
  button: "button_event",
};
