/**
 * Reading the delivery log: the newest-first list (keyset-paged, filtered), one
 * delivery with its request and our answer, hourly success/failure counts for the
 * chart, and the numbers behind the Omi-behaviour warnings.
 *
 * Visibility: an account sees what `visibleTo` allows (its personal-token rows, plus
 * app-token rows of its verified uids) except unauthenticated attempts, which anyone can
 * forge for any uid. Operators also see rows no account owns yet (no verified link for
 * the uid, no uid at all, or no valid credentials), as metadata only.
 */
import "server-only";
import { and, desc, eq, gte, isNull, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { deliveries, omiLinks, webhookRefusals, type Delivery } from "@/db/schema";
import type { DeliveryDetail, DeliveryList, DeliveryListQuery, DeliverySummary, HourBucket } from "@/lib/api/schemas/deliveries";
import { dataLinkStatus, visibleTo, type Scope } from "@/lib/auth/scope";
import type { DeliveryViewer } from "./access";
import { decodeCursor, encodeCursor } from "./cursor";
import { replayBlockedReason } from "./replay-rules";

/** What the account itself may see (and replay). */
export function ownDeliveries(scope: Scope): SQL {
  return and(visibleTo(deliveries, scope), ne(deliveries.auth, "none"))!;
}

/** Rows no account owns: unauthenticated, no uid, or a uid nobody has a verified link to. */
export function unownedDeliveries(): SQL {
  const linked = sql`exists (select 1 from ${omiLinks} where ${omiLinks.uid} = ${deliveries.uid} and ${omiLinks.status} = ${dataLinkStatus})`;
  return and(isNull(deliveries.ownerUserId), or(eq(deliveries.auth, "none"), isNull(deliveries.uid), sql`not ${linked}`))!;
}

export function deliveriesVisibleTo(viewer: DeliveryViewer): SQL {
  return viewer.operator ? or(ownDeliveries(viewer.scope), unownedDeliveries())! : ownDeliveries(viewer.scope);
}

/** Same rule as ownDeliveries, on a row already read. */
export function isOwnDelivery(row: Pick<Delivery, "ownerUserId" | "uid" | "auth">, scope: Scope): boolean {
  if (row.auth === "none") return false;
  if (row.ownerUserId !== null) return row.ownerUserId === scope.userId;
  return row.uid !== null && scope.uids.includes(row.uid);
}

function startOf(text: string): Date {
  return new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
}

/** The filter conditions of a list query (without the cursor). */
export function deliveryFilters(query: Omit<DeliveryListQuery, "cursor" | "limit">): SQL[] {
  const where: SQL[] = [];
  if (query.event) where.push(eq(deliveries.event, query.event));
  if (query.status) {
    const cls = /^([1-5])xx$/.exec(query.status);
    if (cls) {
      const base = Number(cls[1]) * 100;
      where.push(and(gte(deliveries.status, base), lt(deliveries.status, base + 100))!);
    } else {
      where.push(eq(deliveries.status, Number(query.status)));
    }
  }
  if (query.signed === "signed") where.push(eq(deliveries.signature, "valid"));
  if (query.signed === "unsigned") where.push(ne(deliveries.signature, "valid"));
  if (query.from) where.push(gte(deliveries.receivedAt, startOf(query.from)));
  if (query.to) {
    // A bare date includes that whole day.
    if (query.to.length === 10) where.push(lt(deliveries.receivedAt, new Date(startOf(query.to).getTime() + 86_400_000)));
    else where.push(lte(deliveries.receivedAt, startOf(query.to)));
  }
  if (query.uid) where.push(eq(deliveries.uid, query.uid));
  return where;
}

const summaryColumns = {
  id: deliveries.id,
  event: deliveries.event,
  uid: deliveries.uid,
  ownerUserId: deliveries.ownerUserId,
  auth: deliveries.auth,
  signature: deliveries.signature,
  status: deliveries.status,
  outcome: deliveries.outcome,
  errorMessage: deliveries.errorMessage,
  latencyMs: deliveries.latencyMs,
  sizeBytes: deliveries.sizeBytes,
  receivedAt: deliveries.receivedAt,
  replayOf: deliveries.replayOf,
  bodyTruncated: deliveries.bodyTruncated,
  // Whether a body was kept, without reading it.
  hasBody: sql<boolean>`${deliveries.body} is not null`,
};
type SummaryRow = { [K in Exclude<keyof typeof summaryColumns, "hasBody">]: Delivery[K] } & { hasBody: boolean };

function toSummary(row: SummaryRow, scope: Scope): DeliverySummary {
  const access = isOwnDelivery(row, scope) ? "own" : "operator";
  const replayable = replayBlockedReason({ ...row, body: row.hasBody ? "" : null, access }) === null;
  return {
    id: row.id,
    event: row.event,
    uid: row.uid,
    auth: row.auth,
    signature: row.signature,
    status: row.status,
    outcome: row.outcome,
    errorMessage: row.errorMessage,
    latencyMs: Math.round(Number(row.latencyMs) * 10) / 10,
    sizeBytes: Number(row.sizeBytes),
    receivedAt: row.receivedAt.toISOString(),
    replayOf: row.replayOf,
    access,
    replayable,
  };
}

/** Microsecond-exact arrival time: the cursor must not lose precision (JS dates keep ms). */
const receivedKey = sql<string>`to_char(${deliveries.receivedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listDeliveries({ viewer, query }: { viewer: DeliveryViewer; query: DeliveryListQuery }): Promise<DeliveryList> {
  const where = [deliveriesVisibleTo(viewer), ...deliveryFilters(query)];
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    where.push(sql`(${deliveries.receivedAt}, ${deliveries.id}) < (${c.at}::timestamptz, ${c.id})`);
  }
  const found = await db
    .select({ ...summaryColumns, key: receivedKey })
    .from(deliveries)
    .where(and(...where))
    .orderBy(desc(deliveries.receivedAt), desc(deliveries.id))
    .limit(query.limit + 1);
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r, viewer.scope)),
    nextCursor: found.length > query.limit && last ? encodeCursor({ at: last.key, id: last.id }) : null,
  };
}

/** One delivery the viewer may see, or null (the route answers 404). */
export async function getDelivery({
  viewer,
  id,
  on = db,
}: {
  viewer: DeliveryViewer;
  id: string;
  on?: DbOrTx;
}): Promise<DeliveryDetail | null> {
  const [row] = await on
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.id, id), deliveriesVisibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const summary = toSummary({ ...row, hasBody: row.body !== null }, viewer.scope);
  const own = summary.access === "own";
  const replays = own
    ? await on
        .select({ id: deliveries.id, status: deliveries.status, outcome: deliveries.outcome, receivedAt: deliveries.receivedAt })
        .from(deliveries)
        .where(and(eq(deliveries.replayOf, row.id), ownDeliveries(viewer.scope)))
        .orderBy(desc(deliveries.receivedAt))
        .limit(50)
    : [];
  return {
    ...summary,
    deliveryKey: row.deliveryKey,
    contentType: row.contentType,
    target: row.target,
    headers: row.headers ?? {},
    // Operator-only rows are metadata: never a body, even if one was kept.
    body: own ? row.body : null,
    bodyTruncated: row.bodyTruncated,
    errorDetails: row.errorDetails ?? null,
    response: row.response ?? null,
    audioChunkId: row.audioChunkId === null ? null : Number(row.audioChunkId),
    replayBlockedReason: replayBlockedReason({ ...row, access: summary.access }),
    replays: replays.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
  };
}

/** The full stored row for replay, if it is the viewer's own. */
export async function getOwnDeliveryRow({ scope, id }: { scope: Scope; id: string }): Promise<Delivery | null> {
  const [row] = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.id, id), ownDeliveries(scope)))
    .limit(1);
  return row ?? null;
}

/** Successes (2xx) and failures per UTC hour over the last `hours` hours, oldest first, every hour present. */
export async function hourlyCounts({
  viewer,
  hours = 24,
  now = new Date(),
}: {
  viewer: DeliveryViewer;
  hours?: number;
  now?: Date;
}): Promise<HourBucket[]> {
  const currentHour = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  const since = new Date(currentHour - (hours - 1) * 3_600_000);
  const found = await db
    .select({
      hour: sql<string>`to_char(date_trunc('hour', ${deliveries.receivedAt} at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:00:00.000"Z"')`,
      ok: sql<number>`count(*) filter (where ${deliveries.status} between 200 and 299)`,
      failed: sql<number>`count(*) filter (where ${deliveries.status} not between 200 and 299)`,
    })
    .from(deliveries)
    .where(and(deliveriesVisibleTo(viewer), gte(deliveries.receivedAt, since)))
    .groupBy(sql`1`);
  const byHour = new Map(found.map((r) => [r.hour, r]));
  return Array.from({ length: hours }, (_, i) => {
    const hour = new Date(since.getTime() + i * 3_600_000).toISOString();
    const r = byHour.get(hour);
    return { hour, ok: Number(r?.ok ?? 0), failed: Number(r?.failed ?? 0) };
  });
}

/**
 * Omi disables a Developer Settings webhook after 100 consecutive failures: for each
 * event, the failures of this account's personal-token deliveries since its latest
 * success (replays are ours, not Omi's, so they do not count).
 */
export async function consecutiveFailures({ userId }: { userId: string }): Promise<{ event: Delivery["event"]; count: number }[]> {
  const personal = and(eq(deliveries.ownerUserId, userId), eq(deliveries.auth, "personal"), isNull(deliveries.replayOf));
  const lastOk = db
    .select({ event: deliveries.event, at: sql<Date>`max(${deliveries.receivedAt})`.as("at") })
    .from(deliveries)
    .where(and(personal, sql`${deliveries.status} between 200 and 299`))
    .groupBy(deliveries.event)
    .as("last_ok");
  const found = await db
    .select({ event: deliveries.event, count: sql<number>`count(*)` })
    .from(deliveries)
    .leftJoin(lastOk, eq(lastOk.event, deliveries.event))
    .where(
      and(
        personal,
        sql`${deliveries.status} not between 200 and 299`,
        sql`(${lastOk.at} is null or ${deliveries.receivedAt} > ${lastOk.at})`,
      ),
    )
    .groupBy(deliveries.event);
  return found.map((r) => ({ event: r.event, count: Number(r.count) })).filter((r) => r.count > 0);
}

/** How many stored (2xx) deliveries the account has per event, and in total. */
export async function deliveryCounts({
  viewer,
}: {
  viewer: DeliveryViewer;
}): Promise<{ total: number; storedByEvent: Partial<Record<Delivery["event"], number>> }> {
  const found = await db
    .select({
      event: deliveries.event,
      total: sql<number>`count(*)`,
      stored: sql<number>`count(*) filter (where ${deliveries.status} between 200 and 299)`,
    })
    .from(deliveries)
    .where(deliveriesVisibleTo(viewer))
    .groupBy(deliveries.event);
  const storedByEvent: Partial<Record<Delivery["event"], number>> = {};
  let total = 0;
  for (const r of found) {
    total += Number(r.total);
    storedByEvent[r.event] = Number(r.stored);
  }
  return { total, storedByEvent };
}

/**
 * Requests refused before authentication, counted per client address and minute
 * (lib/webhooks/refusals.ts): for operators only, since anyone can send them.
 */
export async function refusalCounts({
  hours,
}: {
  hours: number;
}): Promise<{ total: number; addresses: { address: string; count: number }[] }> {
  const recent = gte(webhookRefusals.minute, new Date(Date.now() - hours * 3_600_000));
  const [[all], top] = await Promise.all([
    db
      .select({ total: sql<number>`coalesce(sum(${webhookRefusals.count}), 0)::int` })
      .from(webhookRefusals)
      .where(recent),
    db
      .select({ address: webhookRefusals.address, count: sql<number>`sum(${webhookRefusals.count})::int` })
      .from(webhookRefusals)
      .where(recent)
      .groupBy(webhookRefusals.address)
      .orderBy(sql`2 desc`)
      .limit(5),
  ]);
  return { total: Number(all?.total ?? 0), addresses: top.map((r) => ({ address: r.address, count: Number(r.count) })) };
}
