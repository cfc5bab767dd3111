/**
 * Action items both ways with Omi's Developer API.
 *
 * Webhook copies of an action item carry no id, so an item here is matched to Omi's by
 * (conversation id, description) and Omi's id is remembered. Then:
 *  - Omi → here (reconcile): Omi's `updated_at` later than the last one read means Omi
 *    changed the item; its completion is taken, and a tick made here that disagrees
 *    and is OLDER than Omi's change gives way. The latest change wins, either side.
 *  - here → Omi: a tick is sent with PATCH when the key may write action items
 *    (action_items:write); if Omi cannot be asked now, it stays pending and the next
 *    sync sends it.
 * Every change of completion is a row in action_item_changes: the item's history.
 */
import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import { actionItemChanges, actionItems, memories, omiDevKeys, type OmiDevKey } from "@/db/schema";
import { scopeFor, visibleTo } from "@/lib/auth/scope";
import { log } from "@/lib/log";
import { parseOmiTimestamp } from "@/lib/omi/timestamps";
import { BudgetWait, withinBudget } from "./budget";
import { listActionItems, OmiDevApiError, setActionItemCompletedInOmi, type DevActionItem } from "./client";
import { canWrite, keySecret, markKeyInvalid } from "./keys";

/** An item here, as the reconcile needs it. */
export type HeldItem = {
  id: string;
  completedOmi: boolean;
  completedLocal: boolean | null;
  completedLocalAt: Date | null;
  omiUpdatedAt: Date | null;
  omiPush: "pending" | "sent" | "failed" | null;
  omiPushError: string | null;
};

export type ItemState = Omit<HeldItem, "id"> & { omiId: string };
export type HistoryEntry = { source: "omi"; completed: boolean; at: Date; note: string };

/**
 * What Omi's copy of an item does to ours. Pure: the rules of "latest change wins".
 * `changed`: the completion a person sees here changed.
 */
export function reconcileItem(
  held: HeldItem,
  omi: { id: string; completed: boolean; updatedAt: Date | null },
  now: Date,
): { next: ItemState; history: HistoryEntry | null; changed: boolean } {
  const next: ItemState = { ...held, omiId: omi.id, omiUpdatedAt: omi.updatedAt ?? held.omiUpdatedAt };
  delete (next as Partial<HeldItem>).id;
  const omiChanged = held.omiUpdatedAt === null || (omi.updatedAt !== null && omi.updatedAt > held.omiUpdatedAt);
  if (!omiChanged) return { next, history: null, changed: false };

  const before = held.completedLocal ?? held.completedOmi;
  next.completedOmi = omi.completed;
  const omiAt = omi.updatedAt ?? now;
  if (held.completedLocal !== null && held.completedLocal !== omi.completed) {
    if (held.completedLocalAt && held.completedLocalAt > omiAt) {
      // The tick here is the later change: it stands and goes to Omi.
      if (next.omiPush !== "pending") Object.assign(next, { omiPush: "pending", omiPushError: null });
      return { next, history: null, changed: false };
    }
    Object.assign(next, { completedLocal: null, completedLocalAt: null, omiPush: null, omiPushError: null });
    return {
      next,
      history: {
        source: "omi",
        completed: omi.completed,
        at: omiAt,
        note: `${omi.completed ? "Completed" : "Reopened"} in Omi later than the change made here, so Omi's wins`,
      },
      changed: before !== omi.completed,
    };
  }
  if (held.completedLocal !== null && held.omiPush === "pending") Object.assign(next, { omiPush: "sent", omiPushError: null });
  const after = held.completedLocal ?? omi.completed;
  if (after === before) return { next, history: null, changed: false };
  return {
    next,
    history: { source: "omi", completed: after, at: omiAt, note: after ? "Completed in Omi" : "Reopened in Omi" },
    changed: true,
  };
}

type HeldRow = {
  id: string;
  description: string;
  conversation_id: string;
  completed_omi: boolean;
  completed_local: boolean | null;
  completed_local_at: string | Date | null;
  omi_updated_at: string | Date | null;
  omi_push: HeldItem["omiPush"];
  omi_push_error: string | null;
  omi_id: string | null;
};

const toDate = (v: string | Date | null) => (v === null ? null : new Date(v));

/**
 * Matches a page of Omi's action items to the items here and applies Omi's changes.
 * Items of conversations not held here (or not from a conversation) are skipped.
 */
export async function applyOmiActionItems({
  key,
  items,
  now = new Date(),
}: {
  key: Pick<OmiDevKey, "userId" | "uid">;
  items: DevActionItem[];
  now?: Date;
}): Promise<{ matched: number; changed: number }> {
  const conversationIds = [...new Set(items.map((i) => i.conversation_id).filter((c): c is string => Boolean(c)))];
  if (conversationIds.length === 0) return { matched: 0, changed: 0 };
  const scope = await scopeFor(key.userId);
  const held = await rows<HeldRow>(
    sql`select a.id, a.description, memories.omi_id as conversation_id, a.completed_omi, a.completed_local, a.completed_local_at,
        a.omi_updated_at, a.omi_push, a.omi_push_error, a.omi_id
      from action_items a join memories on memories.id = a.memory_id
      where memories.uid = ${key.uid} and ${inArray(memories.omiId, conversationIds)} and ${visibleTo(memories, scope)}`,
  );
  const byKey = new Map<string, HeldRow[]>();
  for (const h of held) {
    const k = `${h.conversation_id}\u0000${h.description}`;
    byKey.set(k, [...(byKey.get(k) ?? []), h]);
  }

  const updates: (ItemState & { id: string })[] = [];
  const history: (HistoryEntry & { actionItemId: string })[] = [];
  let matched = 0;
  let changed = 0;
  for (const item of items) {
    if (!item.conversation_id) continue;
    const mine = byKey.get(`${item.conversation_id}\u0000${item.description.trim()}`) ?? [];
    for (const h of mine) {
      matched++;
      const before: HeldItem = {
        id: h.id,
        completedOmi: h.completed_omi,
        completedLocal: h.completed_local,
        completedLocalAt: toDate(h.completed_local_at),
        omiUpdatedAt: toDate(h.omi_updated_at),
        omiPush: h.omi_push,
        omiPushError: h.omi_push_error,
      };
      const result = reconcileItem(before, { id: item.id, completed: item.completed, updatedAt: parseOmiTimestamp(item.updated_at) }, now);
      const same =
        h.omi_id === item.id &&
        result.next.omiUpdatedAt?.getTime() === before.omiUpdatedAt?.getTime() &&
        result.next.completedOmi === before.completedOmi &&
        result.next.completedLocal === before.completedLocal &&
        result.next.omiPush === before.omiPush;
      if (!same) updates.push({ id: h.id, ...result.next });
      if (result.history) history.push({ actionItemId: h.id, ...result.history });
      if (result.changed) changed++;
    }
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < updates.length; i += 500) await saveItemStates(tx, updates.slice(i, i + 500));
    if (history.length) await tx.insert(actionItemChanges).values(history);
  });
  return { matched, changed };
}

async function saveItemStates(on: DbOrTx, states: (ItemState & { id: string })[]): Promise<void> {
  if (!states.length) return;
  const values = states.map(
    (s) =>
      sql`(${s.id}, ${s.omiId}, ${s.omiUpdatedAt?.toISOString() ?? null}::timestamptz, ${s.completedOmi}::boolean, ${s.completedLocal}::boolean,
        ${s.completedLocalAt?.toISOString() ?? null}::timestamptz, ${s.omiPush}::text, ${s.omiPushError}::text)`,
  );
  await rows(
    sql`update action_items as a set omi_id = v.omi_id, omi_updated_at = v.omi_updated_at, completed_omi = v.completed_omi,
        completed_local = v.completed_local, completed_local_at = v.completed_local_at, omi_push = v.omi_push, omi_push_error = v.omi_push_error
      from (values ${sql.join(values, sql`, `)}) as v(id, omi_id, omi_updated_at, completed_omi, completed_local, completed_local_at, omi_push, omi_push_error)
      where a.id = v.id`,
    on,
  );
}

// ─── Here → Omi ──────────────────────────────────────────────────────────────

type TickTarget = {
  id: string;
  description: string;
  completed: boolean;
  omi_id: string | null;
  conversation_id: string;
  uid: string;
};

/** The latest hub change of an item gets a note ("Sent to Omi", or why not). */
async function noteLatestHubChange(itemId: string, note: string): Promise<void> {
  const [latest] = await db
    .select({ id: actionItemChanges.id })
    .from(actionItemChanges)
    .where(and(eq(actionItemChanges.actionItemId, itemId), eq(actionItemChanges.source, "hub")))
    .orderBy(desc(actionItemChanges.at), desc(actionItemChanges.id))
    .limit(1);
  if (latest) await db.update(actionItemChanges).set({ note }).where(eq(actionItemChanges.id, latest.id));
}

async function setPush(itemId: string, omiPush: HeldItem["omiPush"], omiPushError: string | null): Promise<void> {
  await db.update(actionItems).set({ omiPush, omiPushError }).where(eq(actionItems.id, itemId));
}

/**
 * Sends the person's tick of an item to Omi, when the account has a key for the item's
 * uid. `fromJob`: budget waits and Omi being away are thrown (the job waits and
 * retries); from a route they leave the tick pending for the next sync.
 */
export async function pushTick({
  userId,
  itemId,
  fromJob = false,
  timeoutMs,
}: {
  userId: string;
  itemId: string;
  fromJob?: boolean;
  /** Per call to Omi; a route keeps it short (a slow Omi leaves the tick pending for the next sync). */
  timeoutMs?: number;
}): Promise<void> {
  const scope = await scopeFor(userId);
  const [item] = await rows<TickTarget>(
    sql`select a.id, a.description, coalesce(a.completed_local, a.completed_omi) as completed, a.omi_id, memories.omi_id as conversation_id, memories.uid
      from action_items a join memories on memories.id = a.memory_id
      where a.id = ${itemId} and ${visibleTo(memories, scope)}`,
  );
  if (!item) return;
  const [key] = await db
    .select()
    .from(omiDevKeys)
    .where(and(eq(omiDevKeys.userId, userId), eq(omiDevKeys.uid, item.uid), eq(omiDevKeys.status, "active")))
    .limit(1);
  if (!key) return;
  if (canWrite(key.scopes, "action_items") === false) {
    const why = "Not sent to Omi: this key may only read. A key with action_items:write sends ticks to Omi.";
    await setPush(item.id, "failed", why);
    await noteLatestHubChange(item.id, why);
    return;
  }
  await setPush(item.id, "pending", null);
  const secret = keySecret(key);
  try {
    let omiId = item.omi_id;
    if (!omiId) {
      const page = await withinBudget(key.id, ["action_items"], () =>
        listActionItems(secret, { limit: 1000, offset: 0, conversationId: item.conversation_id }, { timeoutMs }),
      );
      omiId = page.items.find((i) => i.description.trim() === item.description)?.id ?? null;
      if (!omiId) {
        const why = "Not sent to Omi: Omi has no such item in this conversation any more.";
        await setPush(item.id, "failed", why);
        await noteLatestHubChange(item.id, why);
        return;
      }
    }
    const saved = await withinBudget(key.id, ["action_item_writes"], () =>
      setActionItemCompletedInOmi(secret, omiId, item.completed, { timeoutMs }),
    );
    if (!saved) {
      const why = "Not sent to Omi: Omi no longer has this item.";
      await db.update(actionItems).set({ omiId, omiPush: "failed", omiPushError: why }).where(eq(actionItems.id, item.id));
      await noteLatestHubChange(item.id, why);
      return;
    }
    // Only when the item still says what was sent (a quick second tick sends itself).
    await rows(
      sql`update action_items set omi_id = ${omiId}, completed_omi = ${saved.completed}, omi_updated_at = ${parseOmiTimestamp(saved.updated_at)?.toISOString() ?? null}::timestamptz,
          omi_push = case when coalesce(completed_local, ${saved.completed}) = ${saved.completed} then 'sent' else omi_push end, omi_push_error = null
        where id = ${item.id}`,
    );
    await noteLatestHubChange(item.id, saved.completed ? "Sent to Omi: completed there too" : "Sent to Omi: open there too");
  } catch (err) {
    if (err instanceof BudgetWait) {
      await setPush(item.id, "pending", "Waiting for this hour's budget of calls to Omi; the next sync sends it.");
      if (fromJob) throw err;
      return;
    }
    if (!(err instanceof OmiDevApiError)) throw err;
    if (err.kind === "rate_limited" || err.kind === "unavailable" || err.kind === "network" || err.kind === "bad_response") {
      await setPush(item.id, "pending", `Not sent yet: ${err.message}`);
      if (fromJob) throw err;
      return;
    }
    if (err.kind === "unauthorized") await markKeyInvalid(key.id, err.message);
    const why = `Not sent to Omi: ${err.message}`;
    await setPush(item.id, "failed", why);
    await noteLatestHubChange(item.id, why);
    log.info("tick not sent to Omi", { itemId: item.id, kind: err.kind, status: err.status });
  }
}

/** The next tick of this key's uid waiting to be sent, if any: one per job step. */
export async function nextPendingTick(key: Pick<OmiDevKey, "userId" | "uid">, exclude: string[] = []): Promise<string | null> {
  const scope = await scopeFor(key.userId);
  const [row] = await rows<{ id: string }>(
    sql`select a.id from action_items a join memories on memories.id = a.memory_id
      where a.omi_push = 'pending' and memories.uid = ${key.uid} and ${visibleTo(memories, scope)}
        ${
          exclude.length
            ? sql`and a.id not in (${sql.join(
                exclude.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql``
        }
      limit 1`,
  );
  return row?.id ?? null;
}
