/**
 * What Omi sends as a transcript segment (docs/OMI.md §2) and the body of the
 * real-time transcript webhook. Only `text`, `is_user`, `start` and `end` are
 * guaranteed; older payloads carry a subset of the rest and newer ones add fields, so
 * everything else is optional/nullable and unknown fields pass through untouched (the
 * raw segment is stored beside the extracted columns).
 *
 * The same segment schema is reused for a memory's `transcript_segments`.
 */
import { z } from "zod";

const optionalText = z.string().nullish();

export const transcriptSegmentSchema = z.looseObject({
  /** uuid; absent in phone "trigger webhook" bodies and some older payloads. Indexed, so bounded. */
  id: z.string().max(200).nullish(),
  text: z.string(),
  /** "SPEAKER_0", "SPEAKER_01", …; prefer `speaker_id`. */
  speaker: optionalText,
  speaker_id: z.number().int().nullish(),
  /** Sent on developer memory webhooks only. */
  speaker_name: optionalText,
  is_user: z.boolean(),
  person_id: optionalText,
  speaker_label_source: optionalText,
  /** Seconds from the start of the conversation or session, not wall-clock. */
  start: z.number(),
  end: z.number(),
  translations: z.array(z.looseObject({ lang: optionalText, text: optionalText })).nullish(),
  speech_profile_processed: z.boolean().nullish(),
  stt_provider: optionalText,
  speaker_match_source: optionalText,
  speaker_id_scope: optionalText,
  speaker_identity_status: optionalText,
});
export type TranscriptSegmentPayload = z.infer<typeof transcriptSegmentSchema>;

/**
 * `{session_id, segments}`. `session_id` equals the uid (it is not a session id).
 *
 * Legacy: a bare array of segments, the shape Omi's public docs show and older phone
 * builds sent, is read as `{segments: [...]}` (docs/OMI.md §2).
 * Current senders always send the object.
 */
export const realtimePayloadSchema = z.preprocess(
  (body) => (Array.isArray(body) ? { segments: body } : body),
  z.looseObject({
    session_id: optionalText,
    segments: z.array(transcriptSegmentSchema),
  }),
);
export type RealtimePayload = z.infer<typeof realtimePayloadSchema>;
