/**
 * Action items across memories, and ticking one. The tick is stored as
 * completed_local (+ when), which wins over Omi's completed_omi and is left alone by
 * the memory ingest, so it survives Omi re-sending the memory. Each tick is a row of
 * the item's history (action_item_changes); sending it to Omi, and Omi's own later
 * changes, are lib/omi-sync/action-items.ts.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import { memories } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import type { ActionItemView, ActionItemWithMemory } from "@/lib/api/schemas/memories";
import { visibleTo, type Scope } from "@/lib/auth/scope";
import { decodeCursor, encodeCursor } from "./cursor";
import { actionItemColumns, branches, iso, toActionItem, type ActionItemRow } from "./queries";

export type ActionItemStatus = "open" | "completed" | "all";

/**
 * Open and/or completed items Omi still lists, newest memory first, in the memory's order.
 * Like the memories list (see lib/memories/queries.ts), one query per visibility branch
 * walks that branch's (listed_at, id) index and stops after a page; the two short lists are
 * merged. One OR across both branches would sort every memory of the account (a whole
 * table scan at 100,000 memories).
 */
export async function listActionItems({
  scope,
  status,
  cursor: rawCursor,
  limit,
  on = db,
}: {
  scope: Scope;
  status: ActionItemStatus;
  cursor?: string;
  limit: number;
  on?: DbOrTx;
}): Promise<{ items: ActionItemWithMemory[]; nextCursor: string | null }> {
  const cursor = rawCursor ? decodeCursor(rawCursor) : null;
  if (cursor && cursor.k !== "a") throw new AppError("bad_request", "The cursor is not valid: start again from the first page");
  const done = sql`coalesce("action_items"."completed_local", "action_items"."completed_omi")`;
  const statusFilter = status === "open" ? sql`not ${done}` : status === "completed" ? done : sql`true`;
  // The first condition lets the index start at the cursor's memory; the second is exact.
  const after = cursor
    ? sql`("memories"."listed_at", "memories"."id") <= (${cursor.t}::timestamptz, ${cursor.m})
        and ("memories"."listed_at", "memories"."id", -"action_items"."idx") < (${cursor.t}::timestamptz, ${cursor.m}, ${-cursor.i})`
    : sql`true`;
  const take = limit + 1;
  const parts = branches(scope).map(
    (branch) => sql`(select ${actionItemColumns}, "action_items"."idx", "memories"."title", "memories"."emoji", "memories"."listed_at",
        ${iso(sql`"memories"."listed_at"`)} as listed_at_iso,
        to_char("memories"."listed_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as listed_key
      from "memories" join "action_items" on "action_items"."memory_id" = "memories"."id"
      where ${branch} and "action_items"."present" and not "memories"."discarded" and ${statusFilter} and ${after}
      order by "memories"."listed_at" desc nulls last, "memories"."id" desc nulls last, "action_items"."idx" asc
      limit ${take})`,
  );
  const found = await rows<ActionItemRow & { idx: number; title: string; emoji: string; listed_at_iso: string; listed_key: string }>(
    sql`select * from (${sql.join(parts, sql` union all `)}) page order by listed_at desc, memory_id desc, idx asc limit ${take}`,
    on,
  );
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      ...toActionItem(r),
      memory: { id: r.memory_id, title: r.title, emoji: r.emoji, listedAt: r.listed_at_iso },
    })),
    nextCursor: found.length > limit && last ? encodeCursor({ k: "a", t: last.listed_key, m: last.memory_id, i: Number(last.idx) }) : null,
  };
}

/** Ticks or unticks an item here; null when it does not exist or is not visible to this scope. */
export async function setActionItemCompleted({
  scope,
  id,
  completed,
  on = db,
}: {
  scope: Scope;
  id: string;
  completed: boolean;
  on?: DbOrTx;
}): Promise<ActionItemView | null> {
  // A new tick replaces any earlier one still on its way to Omi.
  const [ticked] = await rows<{ id: string }>(
    sql`with ticked as (
        update "action_items" set completed_local = ${completed}, completed_local_at = now(), omi_push = null, omi_push_error = null
        from "memories"
        where "action_items"."id" = ${id} and "memories"."id" = "action_items"."memory_id" and ${visibleTo(memories, scope)}
        returning "action_items"."id", "action_items"."completed_local_at")
      insert into action_item_changes (action_item_id, source, completed, at)
      select id, 'hub', ${completed}, completed_local_at from ticked
      returning action_item_id as id`,
    on,
  );
  if (!ticked) return null;
  return getActionItem({ id: ticked.id, on });
}

/** One item by id, with its latest change (no visibility check: callers checked it). */
export async function getActionItem({ id, on = db }: { id: string; on?: DbOrTx }): Promise<ActionItemView | null> {
  const [row] = await rows<ActionItemRow>(sql`select ${actionItemColumns} from "action_items" where "action_items"."id" = ${id}`, on);
  return row ? toActionItem(row) : null;
}
