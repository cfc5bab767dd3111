/**
 * Omi's Developer API conversation → the memory webhook payload (the shape
 * lib/omi/memory-schema.ts accepts), so an imported conversation is stored by the same
 * normalise/ingest path as a delivered one and lands on the same row.
 *
 * The Developer API object is the webhook's body with less in it (docs/OMI-DEVELOPER-API.md):
 * no status, discarded, updated_at or app results; segments without speaker, is_user
 * or person_id; action items without ids. So:
 *  - a conversation read from a list is not discarded (lists hide discarded ones);
 *  - `is_user` (required by the segment schema) is false unless a copy we already hold
 *    says otherwise: `mergeIntoHeld` keeps what a webhook told us and overlays what Omi
 *    reports now, so an import never loses fields only webhooks carry.
 */
import type { DevConversation } from "./client";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The webhook-shaped payload of a conversation read from a Developer API list. */
export function toMemoryPayload(c: DevConversation): Json {
  const { transcript_segments: segments, structured, ...top } = c;
  const payload: Json = { ...top, discarded: false };
  if (structured) payload.structured = { ...structured };
  if (segments) payload.transcript_segments = segments.map((s) => ({ ...s, is_user: false }));
  return payload;
}

/** Fields of `incoming` win; what only the held copy has (webhook-only fields, is_user, sections…) stays. */
export function mergeIntoHeld(held: unknown, incoming: Json): Json {
  if (!isObject(held)) return incoming;
  const merged: Json = { ...held, ...incoming };

  const heldStructured = isObject(held.structured) ? held.structured : {};
  if (isObject(incoming.structured)) {
    const structured: Json = { ...heldStructured, ...incoming.structured };
    if (Array.isArray(incoming.structured.action_items)) {
      const byDescription = new Map<string, Json>();
      for (const item of Array.isArray(heldStructured.action_items) ? heldStructured.action_items : []) {
        if (isObject(item) && typeof item.description === "string") byDescription.set(item.description.trim(), item);
      }
      structured.action_items = incoming.structured.action_items.map((item) =>
        isObject(item) && typeof item.description === "string" ? { ...byDescription.get(item.description.trim()), ...item } : item,
      );
      // The phone's string list would add items Omi no longer lists.
      delete structured.actionItems;
    }
    merged.structured = structured;
  }

  if (Array.isArray(incoming.transcript_segments)) {
    const heldById = new Map<string, Json>();
    for (const seg of Array.isArray(held.transcript_segments) ? held.transcript_segments : []) {
      if (isObject(seg) && typeof seg.id === "string") heldById.set(seg.id, seg);
    }
    merged.transcript_segments = incoming.transcript_segments.map((seg) => {
      if (!isObject(seg) || typeof seg.id !== "string") return seg;
      const before = heldById.get(seg.id);
      if (!before) return seg;
      // The Developer API has no is_user: what a webhook said about the segment stays.
      return { ...before, ...seg, is_user: typeof before.is_user === "boolean" ? before.is_user : seg.is_user };
    });
  } else if (Array.isArray(held.transcript_segments)) {
    // Read without transcript: keep the one we have.
    merged.transcript_segments = held.transcript_segments;
  }
  return merged;
}
