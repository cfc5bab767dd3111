/**
 * THE adapter between the Developer API sync and the memory ingest: every imported or
 * reconciled conversation is stored through here, and nothing else in lib/omi-sync
 * writes memories. It uses the webhook's own path (memory schema → normaliseMemory →
 * the omi_ingest_memory SQL function, here inside this transaction, after the rows it
 * may update are locked) without the notification rules and without a delivery-log
 * row: importing 1,000 conversations must not announce 1,000 "new memories".
 *
 * Contract:
 *   storeImportedMemory({ userId, uid, payload, receivedAt })
 *     payload: a memory webhook payload (memoryPayloadSchema; see map-conversation.ts)
 *     → { memoryId, created, changed }
 *  1. The row to write is the account's existing row for (uid, Omi id): its own, or,
 *     with a VERIFIED link to the uid, the owner-null (app-token) one. Without one,
 *     the owner comes from importOwner (owner.ts).
 *  2. An existing row is rewritten only when Omi's content differs from it
 *     (contentHash of the normalised memory); the payload is merged into the stored
 *     one first, so webhook-only fields survive. Unchanged: no write, no revision.
 *  3. Otherwise ingestMemory upserts on (uid, owner, Omi id), exactly as a webhook
 *     does: a webhook for the same conversation, before, during or after, lands on
 *     the same row.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import { memories, omiLinks } from "@/db/schema";
import { validationError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { ingestMemory } from "@/lib/ingest/memory";
import { normaliseMemory } from "@/lib/omi/memory-normalise";
import { memoryPayloadSchema, type MemoryPayload } from "@/lib/omi/memory-schema";
import { contentHash } from "./content-hash";
import { mergeIntoHeld } from "./map-conversation";
import { importOwner } from "./owner";

export type StoreImportedMemoryInput = { userId: string; uid: string; payload: unknown; receivedAt: Date };
export type StoreImportedMemoryResult = { memoryId: string; created: boolean; changed: boolean };

/** Marks ingest calls that came from the Developer API (there is no delivery-log row). */
const importDeliveryId = "omi-developer-api";

export async function storeImportedMemory({
  userId,
  uid,
  payload,
  receivedAt,
}: StoreImportedMemoryInput): Promise<StoreImportedMemoryResult> {
  const parsed = memoryPayloadSchema.safeParse(payload);
  if (!parsed.success) throw validationError(parsed.error, "Conversation");
  const incoming = parsed.data;

  return db.transaction(async (tx) => {
    const linkStatus = await linkStatusOf(tx, userId, uid);
    const verified = linkStatus === "verified";
    // FOR UPDATE: a webhook for the same conversation waits for this write (and the reverse).
    const held = await rows<{ id: string; owner_user_id: string | null; raw: unknown }>(
      sql`select id, owner_user_id, raw from memories
        where uid = ${uid} and omi_id = ${incoming.id}
          and (owner_user_id = ${userId} ${verified ? sql`or owner_user_id is null` : sql``})
        order by owner_user_id nulls first
        for update`,
      tx,
    );
    const ruleOwner = importOwner({
      userId,
      linkStatus,
      appTokenConfigured: Boolean(env.OMI_WEBHOOK_TOKEN),
      hasPersonalMemories: held.some((h) => h.owner_user_id === userId) || (await hasPersonalMemories(tx, userId, uid)),
    });
    const existing = held.find((h) => h.owner_user_id === ruleOwner) ?? held[0];

    if (!existing) {
      const { stored } = await ingestMemory({ uid, ownerUserId: ruleOwner, receivedAt }, incoming, {
        on: tx,
        deliveryId: importDeliveryId,
      });
      return { memoryId: String(stored!.memoryId), created: true, changed: true };
    }

    const heldRaw = typeof existing.raw === "string" ? (JSON.parse(existing.raw) as unknown) : existing.raw;
    const merged = memoryPayloadSchema.safeParse(mergeIntoHeld(heldRaw, incoming as Record<string, unknown>));
    // A stored payload the schema no longer accepts is replaced by Omi's current one.
    const next: MemoryPayload = merged.success ? merged.data : incoming;
    const before = memoryPayloadSchema.safeParse(heldRaw);
    if (before.success && contentHash(normaliseMemory(before.data)) === contentHash(normaliseMemory(next))) {
      return { memoryId: existing.id, created: false, changed: false };
    }
    await ingestMemory({ uid, ownerUserId: existing.owner_user_id, receivedAt }, next, { on: tx, deliveryId: importDeliveryId });
    return { memoryId: existing.id, created: false, changed: true };
  });
}

async function linkStatusOf(on: DbOrTx, userId: string, uid: string) {
  const [link] = await on
    .select({ status: omiLinks.status })
    .from(omiLinks)
    .where(and(eq(omiLinks.userId, userId), eq(omiLinks.uid, uid)))
    .limit(1);
  return link?.status ?? null;
}

async function hasPersonalMemories(on: DbOrTx, userId: string, uid: string): Promise<boolean> {
  const [row] = await on
    .select({ id: memories.id })
    .from(memories)
    .where(and(eq(memories.uid, uid), eq(memories.ownerUserId, userId)))
    .limit(1);
  return Boolean(row);
}
