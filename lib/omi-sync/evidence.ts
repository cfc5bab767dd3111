/**
 * Does this Developer API key read THE Omi account of the uid it is connected for?
 *
 * Omi's key self-check describes the key (name, scopes) but not whose it is, and Omi
 * sends no uid with its data. What does prove it: a conversation Omi delivered to us
 * for that uid can be read through the key (conversation ids are Omi's random ids, and
 * GET /v1/dev/user/conversations/{id} answers 404 for anyone else's).
 *
 * Why it matters: imported rows take the owner the account's webhooks use
 * (./owner.ts). When that owner is null, the rows are the uid's shared app-token rows,
 * seen by whoever holds the verified link to the uid, now or later. A key for another
 * Omi account (an attacker's own key, or a mistake) would fill them with someone
 * else's conversations, so there a match with a conversation Omi sent through the app
 * (an owner-null row) is required. When the rows are the account's own (personal
 * webhook URLs, or a trusted link), the key only fills rows nobody else sees; it must
 * still match the conversations held for the uid, and with none there is nothing to
 * contradict it.
 */
import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { memories, type OmiDevKey } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import { getConversation } from "./client";

export type Evidence = OmiDevKey["evidence"];

/** How many of the newest held conversations are tried (one detail call each, at most). */
const probes = 3;

export async function checkKeyReadsUid({
  key,
  userId,
  uid,
  targetOwner,
  label,
  timeoutMs,
}: {
  key: string;
  userId: string;
  uid: string;
  /** The owner imported rows would get (owner.ts): null = the uid's shared app-token rows. */
  targetOwner: string | null;
  /** How the uid is named in messages (its nickname, or the uid). */
  label: string;
  timeoutMs?: number;
}): Promise<Evidence> {
  const newest = (owner: string | null) =>
    db
      .select({ omiId: memories.omiId })
      .from(memories)
      .where(and(eq(memories.uid, uid), owner === null ? isNull(memories.ownerUserId) : eq(memories.ownerUserId, owner)))
      .orderBy(desc(memories.receivedAt))
      .limit(probes);
  const delivered = await newest(null);
  const own = targetOwner === null ? [] : await newest(userId);

  if (targetOwner === null && delivered.length === 0) {
    throw new AppError(
      "conflict",
      `We can't check this key yet: Omi has not delivered any conversation for ${label} to this hub, and the key must match one. Record a short conversation, wait until it shows under Memories, then connect the key again.`,
    );
  }
  for (const [rowsHeld, evidence] of [
    [delivered, "app_conversation"],
    [own, "own_conversation"],
  ] as const) {
    for (const { omiId } of rowsHeld) {
      if (await getConversation(key, omiId, false, { timeoutMs })) return evidence;
    }
  }
  if (delivered.length + own.length > 0) {
    throw new AppError(
      "validation_failed",
      `This key reads a different Omi account: none of the latest conversations we hold for ${label} is in it. Paste a key created in the Omi app signed in as ${label}.`,
      [{ path: "key", message: "reads a different Omi account" }],
    );
  }
  return "nothing_held";
}
