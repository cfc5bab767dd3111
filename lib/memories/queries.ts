/**
 * Reading memories: the list (keyset-paged, filtered), full-text search (ranked, with
 * highlighted snippets), one memory with its transcript and action items, and ticking
 * an action item. Every query is scoped with `visibleTo`, so another account's id is
 * simply not found.
 *
 * Why the list is a UNION ALL of two branches: an account sees its own rows
 * (owner_user_id = me) plus app-token rows of its linked uids (owner null, uid in …).
 * One OR across both cannot walk an index in order, so a deep page would sort every
 * row of the account; each branch walks its own index (memories_owner_listed,
 * memories_app_uid_listed) in (listed_at, id) order and stops after `limit` rows, and
 * the two short lists are merged. Each branch still ANDs `visibleTo` (the rule for
 * every read); the planner folds it away. Plans are in docs/BENCHMARKS.md.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import { liveSessions, memories, recordings } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import type {
  ActionItemView,
  MemoryDetail,
  MemoryList,
  MemoryListQuery,
  MemorySummary,
  TranscriptSegmentView,
} from "@/lib/api/schemas/memories";
import { visibleTo, type Scope } from "@/lib/auth/scope";
import { decodeCursor, encodeCursor } from "./cursor";
import { MATCH_START, MATCH_STOP, plainSnippet, snippetParts } from "./highlight";
import { memoryExtras } from "./payload";

/** How many of the newest matches a search ranks. Bounds the work for words found in nearly every memory. */
export const SEARCH_CANDIDATES = 1000;
/**
 * The same for a phrase ("team meeting"): the index holds no word positions, so every
 * row on the way is detoasted and its positions checked, and a phrase of two common
 * words matches few rows of many (9% in the benchmark: 11,000 rows read to find 1,000,
 * 80–160 ms). Ranking the newest 250 phrase matches reads a quarter of that (16–40 ms);
 * a phrase is precise enough that the best of its newest 250 matches is what one wants.
 */
export const PHRASE_CANDIDATES = 250;

/**
 * Whether websearch_to_tsquery makes a phrase of this query: a quoted run of two or more
 * words, or words joined by punctuation ("e-mail"). A false alarm only ranks fewer
 * candidates.
 */
export function hasPhrase(q: string): boolean {
  return /"[^"]*[\p{L}\p{N}][^\p{L}\p{N}"]+[\p{L}\p{N}][^"]*"/u.test(q) || /[\p{L}\p{N}][-.'’/_@][\p{L}\p{N}]/u.test(q);
}
/** How much of a transcript the snippet looks into (ts_headline parses all it is given). */
const SNIPPET_SOURCE_CHARS = 50_000;

export const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/**
 * The same, keeping microseconds where the value has them: Omi sends them
 * ("…03.237616+00:00") and the ingest stores Omi's own text, so Omi's precision comes
 * back; times with nothing below the millisecond keep the short form.
 */
export const isoPrecise = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', case when extract(microseconds from ${column})::bigint % 1000 = 0 then 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"' else 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"' end)`;
const isoMicro = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const col = (name: string) => sql.raw(`"memories"."${name}"`);

/** The columns of a list row (never raw, transcript or vector: they are large). */
const summaryColumns = sql`
  "memories"."id", "memories"."uid", "memories"."omi_id", "memories"."title", left("memories"."overview", 2000) as overview,
  "memories"."emoji", "memories"."category", "memories"."source", "memories"."language",
  "memories"."folder_name", "memories"."discarded", "memories"."duration_seconds",
  "memories"."action_item_count", "memories"."revisions",
  ${isoPrecise(col("started_at"))} as started_at, ${isoPrecise(col("finished_at"))} as finished_at,
  ${isoPrecise(sql`coalesce("memories"."omi_created_at", "memories"."created_at")`)} as created_at,
  ${iso(col("created_at"))} as received_at, ${iso(col("updated_at"))} as updated_at,
  ${isoPrecise(col("listed_at"))} as listed_at_iso, ${isoMicro(col("listed_at"))} as listed_key,
  "memories"."listed_at"`;

type SummaryRow = {
  id: string;
  uid: string;
  omi_id: string;
  title: string;
  overview: string;
  emoji: string;
  category: string;
  source: string | null;
  language: string | null;
  folder_name: string | null;
  discarded: boolean;
  duration_seconds: number | string | null;
  action_item_count: number | string;
  revisions: number | string;
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
  received_at: string;
  updated_at: string;
  listed_at_iso: string;
  listed_key: string;
};

function toSummary(r: SummaryRow, extra: { snippet?: string | null; rank?: number | null } = {}): MemorySummary {
  return {
    id: r.id,
    uid: r.uid,
    omiId: r.omi_id,
    title: r.title,
    overview: r.overview,
    emoji: r.emoji,
    category: r.category,
    source: r.source,
    language: r.language,
    folderName: r.folder_name,
    discarded: r.discarded,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    createdAt: r.created_at,
    receivedAt: r.received_at,
    updatedAt: r.updated_at,
    listedAt: r.listed_at_iso,
    durationSeconds: r.duration_seconds == null ? null : Number(r.duration_seconds),
    actionItemCount: Number(r.action_item_count),
    revisions: Number(r.revisions),
    snippet: extra.snippet != null ? snippetParts(extra.snippet) : plainSnippet(r.overview),
    rank: extra.rank ?? null,
  };
}

/** The two visibility branches (see the file comment); the second only when the account has linked uids. */
export function branches(scope: Scope): SQL[] {
  const visible = visibleTo(memories, scope);
  const own = sql`"memories"."owner_user_id" = ${scope.userId} and ${visible}`;
  if (scope.uids.length === 0) return [own];
  const linked = sql`"memories"."owner_user_id" is null and "memories"."uid" in (${sql.join(
    scope.uids.map((u) => sql`${u}`),
    sql`, `,
  )}) and ${visible}`;
  return [own, linked];
}

/** Date-only `to` means the whole of that day (UTC); a date-time is an exclusive bound. */
export function timeBounds(query: Pick<MemoryListQuery, "from" | "to">): { from?: string; to?: string } {
  const from = query.from ? (query.from.length === 10 ? `${query.from}T00:00:00Z` : query.from) : undefined;
  let to: string | undefined;
  if (query.to) {
    if (query.to.length === 10) {
      const d = new Date(`${query.to}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      to = d.toISOString();
    } else to = query.to;
  }
  return { from, to };
}

function filters(query: MemoryListQuery): SQL {
  const parts: SQL[] = [];
  if (query.omiId) parts.push(sql`"memories"."omi_id" = ${query.omiId}`);
  if (!query.discarded) parts.push(sql`not "memories"."discarded"`);
  if (query.category) parts.push(sql`"memories"."category" = ${query.category}`);
  const { from, to } = timeBounds(query);
  if (from) parts.push(sql`"memories"."listed_at" >= ${from}::timestamptz`);
  if (to) parts.push(sql`"memories"."listed_at" < ${to}::timestamptz`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** GET /api/v1/memories: newest first, or ranked by relevance when `q` is given. */
export async function listMemories({ scope, query, on = db }: { scope: Scope; query: MemoryListQuery; on?: DbOrTx }): Promise<MemoryList> {
  if (query.q) return searchMemories({ scope, query: { ...query, q: query.q }, on });
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (cursor && cursor.k !== "l") throw new AppError("bad_request", "This cursor belongs to a search; start again from the first page");
  const after = cursor ? sql`("memories"."listed_at", "memories"."id") < (${cursor.t}::timestamptz, ${cursor.id})` : sql`true`;
  const take = query.limit + 1;
  const parts = branches(scope).map(
    (branch) => sql`(select ${summaryColumns} from "memories"
      where ${branch} and ${filters(query)} and ${after}
      order by "memories"."listed_at" desc nulls last, "memories"."id" desc nulls last
      limit ${take})`,
  );
  const found = await rows<SummaryRow>(
    sql`select * from (${sql.join(parts, sql` union all `)}) page order by listed_at desc, id desc limit ${take}`,
    on,
  );
  const items = found.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => toSummary(r)),
    nextCursor: found.length > query.limit && last ? encodeCursor({ k: "l", t: last.listed_key, id: last.id }) : null,
  };
}

/**
 * Full-text search: websearch syntax ("quoted phrases", or, -not) over title (weight A),
 * overview (B) and transcript (C) with the 'simple' configuration (no stemming, any
 * language). The newest SEARCH_CANDIDATES (PHRASE_CANDIDATES) matches are ranked (ts_rank, normalised by
 * document length so a short memory about the word beats a long one that mentions it
 * once) and paged by (rank, id); only the page's rows get a ts_headline snippet.
 */
async function searchMemories({
  scope,
  query,
  on,
}: {
  scope: Scope;
  query: MemoryListQuery & { q: string };
  on: DbOrTx;
}): Promise<MemoryList> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (cursor && (cursor.k !== "s" || cursor.q !== query.q)) {
    throw new AppError("bad_request", "This cursor belongs to another search; start again from the first page");
  }
  const tsq = sql`websearch_to_tsquery('simple', ${query.q})`;
  const candidateCount = hasPhrase(query.q) ? PHRASE_CANDIDATES : SEARCH_CANDIDATES;
  const candidates = branches(scope).map(
    (branch) => sql`(select "memories"."id", "memories"."listed_at" from "memories"
      where ${branch} and ${filters(query)} and "memories"."search_vector" @@ ${tsq}
      order by "memories"."listed_at" desc nulls last, "memories"."id" desc nulls last
      limit ${candidateCount})`,
  );
  const after = cursor ? sql`(rank, id) < (${cursor.r}::real, ${cursor.id})` : sql`true`;
  const take = query.limit + 1;
  const headlineOptions = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const found = await rows<SummaryRow & { rank: number | string; rank_text: string; headline: string | null }>(
    sql`with candidates as (
        select id from (${sql.join(candidates, sql` union all `)}) c
        order by listed_at desc, id desc limit ${candidateCount}
      ),
      ranked as (
        select "memories"."id", ts_rank("memories"."search_vector", ${tsq}, 1) as rank
        from "memories" join candidates on candidates.id = "memories"."id"
      ),
      page as (
        select id, rank from ranked where ${after} order by rank desc, id desc limit ${take}
      )
      select ${summaryColumns}, page.rank::float8 as rank, page.rank::text as rank_text,
        ts_headline('simple',
          translate(coalesce("memories"."overview", '') || E'\n' || left("memories"."transcript_text", ${SNIPPET_SOURCE_CHARS}), ${MATCH_START + MATCH_STOP}, ''),
          ${tsq}, ${headlineOptions}) as headline
      from page join "memories" on "memories"."id" = page.id
      order by page.rank desc, page.id desc`,
    on,
  );
  const items = found.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) =>
      toSummary(r, { snippet: r.headline && r.headline.includes(MATCH_START) ? r.headline : null, rank: Number(r.rank) }),
    ),
    nextCursor: found.length > query.limit && last ? encodeCursor({ k: "s", r: last.rank_text, id: last.id, q: query.q }) : null,
  };
}

type SegmentRow = {
  idx: number;
  segment_id: string | null;
  text: string;
  speaker: string | null;
  speaker_id: number | null;
  speaker_name: string | null;
  is_user: boolean;
  person_id: string | null;
  start: number | string;
  end: number | string;
};

export type ActionItemRow = {
  id: string;
  memory_id: string;
  description: string;
  completed_omi: boolean;
  completed_local: boolean | null;
  completed_local_at: string | null;
  due_at: string | null;
  present: boolean;
  omi_id: string | null;
  omi_push: "pending" | "sent" | "failed" | null;
  omi_push_error: string | null;
  last_change: { source: "hub" | "omi"; completed: boolean; at: string; note: string | null } | string | null;
};

/** An item's columns, with its latest change from action_item_changes (the history line under it). */
export const actionItemColumns = sql`"action_items"."id", "action_items"."memory_id", "action_items"."description",
  "action_items"."completed_omi", "action_items"."completed_local", "action_items"."present",
  ${iso(sql`"action_items"."completed_local_at"`)} as completed_local_at, ${isoPrecise(sql`"action_items"."due_at"`)} as due_at,
  "action_items"."omi_id", "action_items"."omi_push", "action_items"."omi_push_error",
  (select json_build_object('source', c.source, 'completed', c.completed, 'at', ${iso(sql`c.at`)}, 'note', c.note)
    from action_item_changes c where c.action_item_id = "action_items"."id" order by c.at desc, c.id desc limit 1) as last_change`;

export function toActionItem(r: ActionItemRow): ActionItemView {
  const lastChange =
    typeof r.last_change === "string" ? (JSON.parse(r.last_change) as Exclude<ActionItemRow["last_change"], string>) : r.last_change;
  return {
    id: r.id,
    memoryId: r.memory_id,
    omiId: r.omi_id,
    description: r.description,
    completed: r.completed_local ?? r.completed_omi,
    completedOmi: r.completed_omi,
    completedLocal: r.completed_local,
    completedLocalAt: r.completed_local_at,
    dueAt: r.due_at,
    present: r.present,
    omiSync: r.omi_push ? { state: r.omi_push, error: r.omi_push_error } : null,
    lastChange: lastChange ?? null,
  };
}

function toSegment(r: SegmentRow): TranscriptSegmentView {
  return {
    idx: Number(r.idx),
    segmentId: r.segment_id,
    text: r.text,
    speaker: r.speaker,
    speakerId: r.speaker_id == null ? null : Number(r.speaker_id),
    speakerName: r.speaker_name,
    isUser: r.is_user,
    personId: r.person_id,
    start: Number(r.start),
    end: Number(r.end),
  };
}

/** One memory with everything its page shows; null when missing or not visible to this scope. */
export async function getMemory({ scope, id, on = db }: { scope: Scope; id: string; on?: DbOrTx }): Promise<MemoryDetail | null> {
  const [row] = await rows<SummaryRow & { raw: unknown }>(
    sql`select ${summaryColumns}, "memories"."raw" from "memories" where "memories"."id" = ${id} and ${visibleTo(memories, scope)}`,
    on,
  );
  if (!row) return null;
  const [segments, items, related] = await Promise.all([
    rows<SegmentRow>(
      sql`select idx, segment_id, text, speaker, speaker_id, speaker_name, is_user, person_id, start, "end"
        from memory_segments where memory_id = ${id} order by idx`,
      on,
    ),
    rows<ActionItemRow>(sql`select ${actionItemColumns} from action_items where memory_id = ${id} order by present desc, idx`, on),
    relatedToMemory({ scope, memory: row, on }),
  ]);
  const raw = typeof row.raw === "string" ? (JSON.parse(row.raw) as unknown) : row.raw;
  return {
    ...toSummary(row),
    transcriptSegments: segments.map(toSegment),
    actionItems: items.map(toActionItem),
    ...memoryExtras(raw),
    related,
    omi: raw,
  };
}

/** Live sessions linked to the memory, and recordings of the same uid overlapping its time. */
async function relatedToMemory({ scope, memory, on }: { scope: Scope; memory: SummaryRow; on: DbOrTx }): Promise<MemoryDetail["related"]> {
  const sessions = await rows<{ id: string; started_at: string }>(
    sql`select id, ${iso(sql`started_at`)} as started_at from live_sessions
      where memory_id = ${memory.id} and ${visibleTo(liveSessions, scope)} order by started_at`,
    on,
  );
  let recs: { id: string; started_at: string; last_chunk_at: string }[] = [];
  if (memory.started_at) {
    const end = memory.finished_at ?? memory.started_at;
    recs = await rows(
      sql`select id, ${iso(sql`started_at`)} as started_at, ${iso(sql`last_chunk_at`)} as last_chunk_at from recordings
        where uid = ${memory.uid} and ${visibleTo(recordings, scope)}
          and started_at <= ${end}::timestamptz and last_chunk_at >= ${memory.started_at}::timestamptz
        order by started_at limit 20`,
      on,
    );
  }
  return {
    liveSessions: sessions.map((s) => ({ id: s.id, startedAt: s.started_at })),
    recordings: recs.map((r) => ({ id: r.id, startedAt: r.started_at, lastChunkAt: r.last_chunk_at })),
  };
}

/**
 * Many memories at once, as the detail API shapes them but without `related` (for the
 * account export: three queries per batch instead of four per memory).
 */
export async function loadMemoryDetails({ scope, ids, on = db }: { scope: Scope; ids: string[]; on?: DbOrTx }): Promise<MemoryDetail[]> {
  if (ids.length === 0) return [];
  const idList = sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );
  const found = await rows<SummaryRow & { raw: unknown }>(
    sql`select ${summaryColumns}, "memories"."raw" from "memories"
      where "memories"."id" in (${idList}) and ${visibleTo(memories, scope)}
      order by "memories"."listed_at", "memories"."id"`,
    on,
  );
  const segments = await rows<SegmentRow & { memory_id: string }>(
    sql`select memory_id, idx, segment_id, text, speaker, speaker_id, speaker_name, is_user, person_id, start, "end"
      from memory_segments where memory_id in (${idList}) order by memory_id, idx`,
    on,
  );
  const items = await rows<ActionItemRow>(
    sql`select ${actionItemColumns} from action_items where memory_id in (${idList}) order by memory_id, present desc, idx`,
    on,
  );
  const segmentsBy = groupBy(segments, (s) => s.memory_id);
  const itemsBy = groupBy(items, (i) => i.memory_id);
  return found.map((row) => {
    const raw = typeof row.raw === "string" ? (JSON.parse(row.raw) as unknown) : row.raw;
    return {
      ...toSummary(row),
      transcriptSegments: (segmentsBy.get(row.id) ?? []).map(toSegment),
      actionItems: (itemsBy.get(row.id) ?? []).map(toActionItem),
      ...memoryExtras(raw),
      related: { liveSessions: [], recordings: [] },
      omi: raw,
    };
  });
}

/** Map.groupBy is Node 21+; this app runs on Node 20. */
function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = out.get(k);
    if (bucket) bucket.push(item);
    else out.set(k, [item]);
  }
  return out;
}
