/**
 * Sends webhooks through the real route handlers for the delivery-log tests, and reads
 * back the log row each request wrote (the newest one).
 */
import type { WebhookEvent } from "@/lib/constants";
import { postWebhook } from "@/tests/webhooks/sender";
import { setAppTokenEnv } from "../webhooks/harness";

export const APP_TOKEN = "deliveries-app-token";

/** Call before anything imports lib/env. */
export function setDeliveryTestEnv(extra: Record<string, string> = {}): void {
  setAppTokenEnv(APP_TOKEN);
  Object.assign(process.env, extra);
}

export async function sendWebhook(
  event: WebhookEvent,
  {
    token,
    uid,
    body,
    contentType,
    headers = {},
    query = "",
  }: {
    token: string;
    uid: string | null;
    body: string | Uint8Array;
    contentType?: string;
    headers?: Record<string, string>;
    query?: string;
  },
): Promise<{ status: number; json: unknown; deliveryId: string }> {
  const search = [query, uid === null ? "" : `uid=${uid}`].filter(Boolean).join("&");
  const before = new Set(await deliveryIds());
  const sent = await postWebhook(event, { token, query: search ? `?${search}` : "", body, contentType, headers });
  const added = (await deliveryIds()).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`expected one new delivery row, found ${added.length}`);
  return { status: sent.status, json: sent.json, deliveryId: added[0]! };
}

export function memoryBody(id: string, title = "Sample memory"): string {
  return JSON.stringify({
    id,
    created_at: "2026-03-12T16:41:03.120000+00:00",
    started_at: "2026-03-12T16:41:03.120000+00:00",
    finished_at: "2026-03-12T16:55:03.120000+00:00",
    structured: {
      title,
      overview: "An overview",
      emoji: "🧪",
      category: "work",
      action_items: [{ description: "Do it", completed: false }],
    },
    transcript_segments: [{ id: "s1", text: "Hello there", speaker: "SPEAKER_0", speaker_id: 0, is_user: true, start: 0, end: 2 }],
  });
}

async function deliveryIds(): Promise<string[]> {
  const { db } = await import("@/db/client");
  const { deliveries } = await import("@/db/schema");
  return (await db.select({ id: deliveries.id }).from(deliveries)).map((r) => r.id);
}
