/**
 * Omi's facts about the person ("memories" in Omi's words), copied read-only from the
 * Developer API into omi_facts, owned by the account whose key read them. Omi has no
 * date filter for them, so every sync reads the whole list; facts Omi stops listing
 * (deleted or rejected in Omi) are kept and marked absent.
 */
import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { omiFacts } from "@/db/schema";
import type { Fact, FactListQuery } from "@/lib/api/schemas/omi-sync";
import { visibleTo, type Scope } from "@/lib/auth/scope";
import { decodeCursor, encodeCursor } from "@/lib/memories/cursor";
import { AppError } from "@/lib/api/errors";
import { parseOmiTimestamp } from "@/lib/omi/timestamps";
import type { DevFact } from "./client";

export async function storeFacts({
  userId,
  uid,
  facts,
  seenAt,
}: {
  userId: string;
  uid: string;
  facts: DevFact[];
  seenAt: Date;
}): Promise<number> {
  const unique = [...new Map(facts.map((f) => [f.id, f])).values()];
  if (!unique.length) return 0;
  const values = unique.map((f) => ({
    uid,
    ownerUserId: userId,
    omiId: f.id,
    content: f.content,
    category: f.category ?? null,
    visibility: f.visibility ?? null,
    tags: f.tags ?? [],
    manuallyAdded: Boolean(f.manually_added),
    reviewed: Boolean(f.reviewed),
    edited: Boolean(f.edited),
    omiCreatedAt: parseOmiTimestamp(f.created_at),
    omiUpdatedAt: parseOmiTimestamp(f.updated_at),
    raw: f,
    present: true,
    lastSeenAt: seenAt,
  }));
  await db
    .insert(omiFacts)
    .values(values)
    .onConflictDoUpdate({
      target: [omiFacts.uid, omiFacts.ownerUserId, omiFacts.omiId],
      set: {
        content: sql`excluded.content`,
        category: sql`excluded.category`,
        visibility: sql`excluded.visibility`,
        tags: sql`excluded.tags`,
        manuallyAdded: sql`excluded.manually_added`,
        reviewed: sql`excluded.reviewed`,
        edited: sql`excluded.edited`,
        omiCreatedAt: sql`excluded.omi_created_at`,
        omiUpdatedAt: sql`excluded.omi_updated_at`,
        raw: sql`excluded.raw`,
        present: true,
        lastSeenAt: sql`excluded.last_seen_at`,
      },
    });
  return unique.length;
}

/** After a full read: facts not seen since `sweepStartedAt` are no longer listed by Omi. */
export async function markAbsentFacts({
  userId,
  uid,
  sweepStartedAt,
}: {
  userId: string;
  uid: string;
  sweepStartedAt: Date;
}): Promise<number> {
  const gone = await db
    .update(omiFacts)
    .set({ present: false })
    .where(
      and(eq(omiFacts.uid, uid), eq(omiFacts.ownerUserId, userId), eq(omiFacts.present, true), lt(omiFacts.lastSeenAt, sweepStartedAt)),
    )
    .returning({ id: omiFacts.id });
  return gone.length;
}

type FactRow = {
  id: string;
  uid: string;
  omi_id: string;
  content: string;
  category: string | null;
  tags: unknown;
  manually_added: boolean;
  reviewed: boolean;
  present: boolean;
  created_at_text: string | null;
  updated_at_text: string | null;
  sort_key: string;
};

/** "%", "_" and "\" typed in a search match themselves. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** GET /api/v1/facts: newest first (as Omi dated them), searchable, filterable by category. */
export async function listFacts({
  scope,
  query,
}: {
  scope: Scope;
  query: FactListQuery;
}): Promise<{ items: Fact[]; nextCursor: string | null; categories: string[] }> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (cursor && cursor.k !== "l") throw new AppError("bad_request", "The cursor is not valid: start again from the first page");
  const sortTime = sql`coalesce(omi_facts.omi_created_at, omi_facts.created_at)`;
  const filters = [
    visibleTo(omiFacts, scope),
    query.q ? sql`omi_facts.content ilike ${likePattern(query.q)}` : undefined,
    query.category ? sql`omi_facts.category = ${query.category}` : undefined,
    cursor ? sql`(${sortTime}, omi_facts.id) < (${cursor.t}::timestamptz, ${cursor.id})` : undefined,
  ].filter(Boolean);
  const found = await rows<FactRow>(
    sql`select omi_facts.id, omi_facts.uid, omi_facts.omi_id, omi_facts.content, omi_facts.category, omi_facts.tags,
        omi_facts.manually_added, omi_facts.reviewed, omi_facts.present,
        omi_facts.raw->>'created_at' as created_at_text, omi_facts.raw->>'updated_at' as updated_at_text,
        to_char(${sortTime} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key
      from omi_facts where ${sql.join(filters as ReturnType<typeof sql>[], sql` and `)}
      order by ${sortTime} desc, omi_facts.id desc limit ${query.limit + 1}`,
  );
  const categories = await rows<{ category: string }>(
    sql`select distinct category from omi_facts where ${visibleTo(omiFacts, scope)} and category is not null order by category limit 50`,
  );
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      uid: r.uid,
      omiId: r.omi_id,
      content: r.content,
      category: r.category,
      tags: Array.isArray(r.tags) ? (r.tags as string[]) : [],
      manuallyAdded: r.manually_added,
      reviewed: r.reviewed,
      present: r.present,
      createdAt: r.created_at_text,
      updatedAt: r.updated_at_text,
    })),
    nextCursor: found.length > query.limit && last ? encodeCursor({ k: "l", t: last.sort_key, id: last.id }) : null,
    categories: categories.map((c) => c.category),
  };
}
