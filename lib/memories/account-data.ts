/**
 * "Export all my data" and "Delete my data". The export walks the account's rows in
 * batches (never the whole account at once) and yields ZIP entries:
 *   memories/<date>-<title>-<id>.json  the memory as the API returns it, Omi's payload under "omi"
 *   memories/<date>-<title>-<id>.md    the same as Markdown (summary, action items, transcript)
 *   day-summaries/<date>-<uid>.json|.md
 *   audio/<start>-<id>.wav             each recording, streamed from its chunks
 *   README.txt                         what is where
 * Deletion removes the same rows (and the live transcript, button events and delivery
 * log of those uids, Omi's facts and what reconciles found missing); the account, its
 * links, tokens and Omi Developer API keys stay.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import { buttonEvents, daySummaries, deliveries, deliveryKeys, liveStreams, memories, omiFacts, recordings } from "@/db/schema";
import { wavStream } from "@/lib/audio/stream";
import { WAV_HEADER_BYTES } from "@/lib/audio/wav";
import { visibleTo, type Scope } from "@/lib/auth/scope";
import { exportFileName, memoryToMarkdown } from "./export";
import { loadMemoryDetails } from "./queries";
import { zipLength, zipStream, type ZipEntry } from "./zip";

const BATCH = 200;

export type ExportEstimate = { memories: number; daySummaries: number; recordings: number; estimatedBytes: number };

/**
 * Counts and an estimate of the archive's size (audio bytes exactly; memories from the
 * average size of the newest 200), sent as headers so the page can show progress.
 */
export async function estimateExport({ scope, on = db }: { scope: Scope; on?: DbOrTx }): Promise<ExportEstimate> {
  const [m] = await rows<{ n: string | number }>(sql`select count(*) as n from memories where ${visibleTo(memories, scope)}`, on);
  const [avg] = await rows<{ bytes: string | number | null }>(
    sql`select avg(octet_length(raw::text) + octet_length(transcript_text) * 2) as bytes from (
      select raw, transcript_text from memories where ${visibleTo(memories, scope)} order by listed_at desc limit 200) s`,
    on,
  );
  const [d] = await rows<{ n: string | number; bytes: string | number | null }>(
    sql`select count(*) as n, sum(octet_length(raw::text) * 2) as bytes from day_summaries where ${visibleTo(daySummaries, scope)}`,
    on,
  );
  const [r] = await rows<{ n: string | number; bytes: string | number | null }>(
    sql`select count(*) as n, sum(byte_length + ${WAV_HEADER_BYTES}) as bytes from recordings where ${visibleTo(recordings, scope)}`,
    on,
  );
  const memoriesCount = Number(m?.n ?? 0);
  // JSON (pretty, payload included) + Markdown + zip headers per memory.
  const perMemory = Number(avg?.bytes ?? 0) * 1.6 + 600;
  return {
    memories: memoriesCount,
    daySummaries: Number(d?.n ?? 0),
    recordings: Number(r?.n ?? 0),
    estimatedBytes: Math.round(memoriesCount * perMemory + Number(d?.bytes ?? 0) + Number(r?.bytes ?? 0) + 1024),
  };
}

async function* memoryEntries(scope: Scope): AsyncGenerator<ZipEntry> {
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const page: { id: string; key: string }[] = await rows<{ id: string; key: string }>(
      sql`select id, to_char(listed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key from memories
        where ${visibleTo(memories, scope)} ${after ? sql`and (listed_at, id) > (${after.key}::timestamptz, ${after.id})` : sql``}
        order by listed_at, id limit ${BATCH}`,
    );
    if (page.length === 0) return;
    const details = await loadMemoryDetails({ scope, ids: page.map((p) => p.id) });
    for (const m of details) {
      const base = `memories/${exportFileName(m, "").replace(/\.$/, "")}-${m.id.slice(0, 8)}`;
      const date = new Date(m.listedAt);
      yield { name: `${base}.json`, date, data: `${JSON.stringify(m, null, 2)}\n` };
      yield { name: `${base}.md`, date, data: memoryToMarkdown(m) };
    }
    const last = page[page.length - 1]!;
    after = { key: last.key, id: last.id };
  }
}

type SummaryRow = {
  id: string;
  uid: string;
  date: string;
  headline: string | null;
  overview: string | null;
  day_emoji: string | null;
  content: unknown;
  raw: unknown;
};

function summaryMarkdown(s: SummaryRow): string {
  const out = [`# ${s.day_emoji ?? "📅"} ${s.date}${s.headline ? ` — ${s.headline}` : ""}`, ""];
  if (s.overview) out.push(s.overview, "");
  out.push("```json", JSON.stringify(s.content, null, 2), "```", "");
  return out.join("\n");
}

async function* daySummaryEntries(scope: Scope): AsyncGenerator<ZipEntry> {
  let after: { date: string; id: string } | null = null;
  for (;;) {
    const page: SummaryRow[] = await rows<SummaryRow>(
      sql`select id, uid, date::text as date, headline, overview, day_emoji, content, raw from day_summaries
        where ${visibleTo(daySummaries, scope)} ${after ? sql`and (date, id) > (${after.date}::date, ${after.id})` : sql``}
        order by date, id limit ${BATCH}`,
    );
    if (page.length === 0) return;
    for (const s of page) {
      const base = `day-summaries/${s.date}-${s.uid.slice(0, 12)}-${s.id.slice(0, 8)}`;
      const date = new Date(`${s.date}T12:00:00Z`);
      const json = {
        id: s.id,
        uid: s.uid,
        date: s.date,
        headline: s.headline,
        overview: s.overview,
        emoji: s.day_emoji,
        content: s.content,
        omi: s.raw,
      };
      yield { name: `${base}.json`, date, data: `${JSON.stringify(json, null, 2)}\n` };
      yield { name: `${base}.md`, date, data: summaryMarkdown(s) };
    }
    const last = page[page.length - 1]!;
    after = { date: last.date, id: last.id };
  }
}

/** Every recording's entry, listed before the first byte (sizes are known: header + PCM); each WAV streams when reached. */
async function audioEntries(scope: Scope): Promise<ZipEntry[]> {
  const out: ZipEntry[] = [];
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const page: { id: string; key: string; sample_rate: number; byte_length: string | number }[] = await rows(
      sql`select id, sample_rate, byte_length,
          to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key
        from recordings where ${visibleTo(recordings, scope)}
          ${after ? sql`and (started_at, id) > (${after.key}::timestamptz, ${after.id})` : sql``}
        order by started_at, id limit ${BATCH}`,
    );
    if (page.length === 0) return out;
    for (const r of page) {
      const dataBytes = Number(r.byte_length);
      const stamp = r.key.slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
      out.push({
        name: `audio/${stamp}-${r.id.slice(0, 8)}.wav`,
        date: new Date(r.key),
        size: WAV_HEADER_BYTES + dataBytes,
        stream: () =>
          wavStream({ recordingId: r.id, sampleRate: r.sample_rate, dataBytes, start: 0, end: WAV_HEADER_BYTES + dataBytes - 1 }),
      });
    }
    const last = page[page.length - 1]!;
    after = { key: last.key, id: last.id };
  }
}

const readme = `Omi Hub export

memories/       one .json (as the API returns it; Omi's original payload under "omi") and one .md per memory
day-summaries/  one .json and one .md per day summary
audio/          each recording as a 16-bit PCM mono WAV file
`;

async function* textEntries(scope: Scope): AsyncGenerator<ZipEntry> {
  yield { name: "README.txt", date: new Date(), data: readme };
  yield* memoryEntries(scope);
  yield* daySummaryEntries(scope);
}

/**
 * Memories and day summaries are written out (as text) before the first byte is sent
 * while they total at most this much, so the archive's exact size is known and the
 * download shows true progress; a larger account streams them as they are read, and its
 * size is only estimated. (Two passes over the rows could disagree if one changed between
 * them; one pass into memory cannot.)
 */
export const MAX_BUFFERED_TEXT_BYTES = 64 * 1024 * 1024;

export type ExportArchive = {
  body: ReadableStream<Uint8Array>;
  /** Exact archive size, or null when it is not known up front. */ length: number | null;
};

export async function exportArchive(scope: Scope, { maxBufferedText = MAX_BUFFERED_TEXT_BYTES } = {}): Promise<ExportArchive> {
  const audio = await audioEntries(scope);
  // Read by hand, not with for-await: leaving that loop early would close the generator.
  const text = textEntries(scope);
  const buffered: ZipEntry[] = [];
  let bytes = 0;
  for (let next = await text.next(); !next.done; next = await text.next()) {
    const entry = next.value;
    // Encoded once here, so the writer and the length agree byte for byte.
    const item = "data" in entry && typeof entry.data === "string" ? { ...entry, data: encoder.encode(entry.data) } : entry;
    buffered.push(item);
    if ("data" in item) bytes += item.data.length;
    if (bytes > maxBufferedText) {
      // Too much to hold: send what is buffered, then stream the rest as it is read.
      return { body: zipStream(concat(buffered, text, audio)), length: null };
    }
  }
  const entries = [...buffered, ...audio];
  return { body: zipStream(entries), length: zipLength(entries) };
}

const encoder = new TextEncoder();

async function* concat(...parts: (Iterable<ZipEntry> | AsyncIterable<ZipEntry>)[]): AsyncGenerator<ZipEntry> {
  for (const part of parts) yield* part;
}

export type DeletedCounts = { memories: number; daySummaries: number; recordings: number; liveSessions: number; deliveries: number };

/** Deletes every data row this account can see; the account, its links and tokens stay. */
export async function deleteAccountData({ scope }: { scope: Scope }): Promise<DeletedCounts> {
  return db.transaction(async (tx) => {
    const count = async (query: ReturnType<typeof sql>) => (await rows(query, tx)).length;
    const liveSessions = await count(
      sql`select s.id from live_sessions s join live_streams on live_streams.id = s.stream_id where ${visibleTo(liveStreams, scope)}`,
    );
    await count(sql`delete from live_streams where ${visibleTo(liveStreams, scope)} returning id`);
    const memoriesDeleted = await count(sql`delete from memories where ${visibleTo(memories, scope)} returning id`);
    const summaries = await count(sql`delete from day_summaries where ${visibleTo(daySummaries, scope)} returning id`);
    const recs = await count(sql`delete from recordings where ${visibleTo(recordings, scope)} returning id`);
    await count(sql`delete from button_events where ${visibleTo(buttonEvents, scope)} returning id`);
    // Delivery keys have no id column: delete and count nothing.
    await rows(sql`delete from delivery_keys where ${visibleTo(deliveryKeys, scope)}`, tx);
    const deliveriesDeleted = await count(
      sql`delete from deliveries where uid is not null and ${visibleTo(deliveries, scope)} returning id`,
    );
    // Omi's facts copied through the account's Developer API key, and what reconciles found (its key stays, like its tokens).
    await rows(sql`delete from omi_facts where ${visibleTo(omiFacts, scope)}`, tx);
    await rows(sql`delete from omi_sync_findings where user_id = ${scope.userId}`, tx);
    return { memories: memoriesDeleted, daySummaries: summaries, recordings: recs, liveSessions, deliveries: deliveriesDeleted };
  });
}
