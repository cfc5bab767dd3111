/**
 * Sync jobs as rows: starting an import, scheduling reconciles, cancelling, and the
 * view the dashboard shows (progress, counts, why it waits). The work itself is in
 * ./steps.ts, driven by ./runner.ts.
 */
import "server-only";
import { and, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { omiDevKeys, omiSyncActiveStates, omiSyncJobs, type OmiSyncJob } from "@/db/schema";
import { AppError, notFound } from "@/lib/api/errors";
import type { SyncCounts, SyncJob } from "@/lib/api/schemas/omi-sync";
import { env } from "@/lib/env";

export const emptyCounts: SyncCounts = {
  conversationsRead: 0,
  conversationsCreated: 0,
  conversationsUpdated: 0,
  conversationsSkipped: 0,
  actionItemsRead: 0,
  actionItemsMatched: 0,
  actionItemsChanged: 0,
  ticksSent: 0,
  factsRead: 0,
  missing: 0,
  calls: 0,
};

export const countsOf = (job: Pick<OmiSyncJob, "counts">): SyncCounts => ({ ...emptyCounts, ...job.counts });

const isActive = (state: OmiSyncJob["state"]) => (omiSyncActiveStates as readonly string[]).includes(state);

/** Share of the work done: conversations weigh 90 % of an import (they carry the transcripts). */
export function progressOf(job: OmiSyncJob): number | null {
  if (job.state === "done") return 1;
  const counts = countsOf(job);
  const afterConversations = { action_items: 0.9, facts: 0.97, done: 1 } as const;
  if (job.phase in afterConversations) return afterConversations[job.phase as keyof typeof afterConversations];
  if (job.phase === "count") return null;
  if (job.kind === "reconcile")
    return 0.5 * Math.min(1, counts.conversationsRead / Math.max(1, job.totalConversations ?? counts.conversationsRead + 25));
  if (job.totalConversations === null) return null;
  return job.totalConversations === 0 ? 0.9 : 0.9 * Math.min(1, counts.conversationsRead / job.totalConversations);
}

export function toJobView(job: OmiSyncJob): SyncJob {
  const active = isActive(job.state);
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    phase: job.phase,
    active,
    totalConversations: job.totalConversations,
    progress: progressOf(job),
    counts: countsOf(job),
    waitReason: active ? job.waitReason : null,
    nextAttemptAt: active && job.state === "waiting" ? job.nextAttemptAt.toISOString() : null,
    lastError: job.lastError,
    notes: job.notes,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** One job of this account; 404 for anyone else's. */
export async function getJob({ userId, id }: { userId: string; id: string }, on: DbOrTx = db): Promise<OmiSyncJob> {
  const [job] = await on
    .select()
    .from(omiSyncJobs)
    .where(and(eq(omiSyncJobs.id, id), eq(omiSyncJobs.userId, userId)))
    .limit(1);
  if (!job) throw notFound("Sync job");
  return job;
}

/** The account's key for this link, usable for a job; 404 for anyone else's, 409 when Omi stopped accepting it. */
async function activeKeyOfLink({ userId, linkId }: { userId: string; linkId: string }) {
  const [key] = await db
    .select()
    .from(omiDevKeys)
    .where(and(eq(omiDevKeys.linkId, linkId), eq(omiDevKeys.userId, userId)))
    .limit(1);
  if (!key) throw notFound("Omi Developer API key");
  if (key.status !== "active")
    throw new AppError("conflict", key.statusMessage ?? "Omi no longer accepts this key: paste a new one first.");
  return key;
}

/** Starts "Import from Omi" for a connected key: all conversations, action items and facts. A running reconcile gives way. */
export async function startImport({
  userId,
  linkId,
  now = new Date(),
}: {
  userId: string;
  linkId: string;
  now?: Date;
}): Promise<OmiSyncJob> {
  const key = await activeKeyOfLink({ userId, linkId });
  return db.transaction(async (tx) => {
    const [running] = await tx
      .select()
      .from(omiSyncJobs)
      .where(and(eq(omiSyncJobs.keyId, key.id), inArray(omiSyncJobs.state, [...omiSyncActiveStates])))
      .limit(1)
      .for("update");
    if (running?.kind === "import") throw new AppError("conflict", "An import from Omi is already running for this account");
    if (running)
      await tx
        .update(omiSyncJobs)
        .set(finished("cancelled", now, "Gave way to an import"))
        .where(eq(omiSyncJobs.id, running.id));
    const [job] = await tx
      .insert(omiSyncJobs)
      .values({
        keyId: key.id,
        userId,
        uid: key.uid,
        kind: "import",
        phase: "count",
        windowEnd: now,
        counts: emptyCounts,
        nextAttemptAt: now,
      })
      .returning();
    return job!;
  });
}

/** Queues a reconcile for every active key whose hour has come (and that has no job running). Returns how many. */
export async function scheduleReconciles({ now = new Date(), keyId }: { now?: Date; keyId?: string } = {}): Promise<number> {
  const due = await db
    .select({ id: omiDevKeys.id, userId: omiDevKeys.userId, uid: omiDevKeys.uid })
    .from(omiDevKeys)
    .where(
      and(
        eq(omiDevKeys.status, "active"),
        keyId ? eq(omiDevKeys.id, keyId) : or(isNull(omiDevKeys.nextReconcileAt), lte(omiDevKeys.nextReconcileAt, now)),
      ),
    );
  let queued = 0;
  for (const key of due) {
    try {
      await db.insert(omiSyncJobs).values({
        keyId: key.id,
        userId: key.userId,
        uid: key.uid,
        kind: "reconcile",
        // Action items first: see lib/omi-sync/steps.ts (phase order).
        phase: "action-items",
        windowStart: new Date(now.getTime() - env.OMI_RECONCILE_WINDOW_HOURS * 3_600_000),
        windowEnd: now,
        counts: emptyCounts,
        nextAttemptAt: now,
      });
      queued++;
    } catch (err) {
      // One active job per key (omi_sync_jobs_one_active): an import or reconcile is already running.
      if (!isUniqueViolation(err)) throw err;
    }
    await db
      .update(omiDevKeys)
      .set({ nextReconcileAt: new Date(now.getTime() + 3_600_000) })
      .where(eq(omiDevKeys.id, key.id));
  }
  return queued;
}

/** "Check now": a reconcile for this key right away, unless a job is running. */
export async function reconcileNow({ userId, linkId }: { userId: string; linkId: string }): Promise<OmiSyncJob> {
  const key = await activeKeyOfLink({ userId, linkId });
  await scheduleReconciles({ keyId: key.id });
  const [job] = await db
    .select()
    .from(omiSyncJobs)
    .where(and(eq(omiSyncJobs.keyId, key.id), inArray(omiSyncJobs.state, [...omiSyncActiveStates])))
    .limit(1);
  if (!job) throw new AppError("conflict", "Could not start a check; try again");
  return job;
}

export function finished(state: "done" | "failed" | "cancelled", now: Date, lastError?: string) {
  return {
    state,
    finishedAt: now,
    updatedAt: now,
    leaseToken: null,
    leaseUntil: null,
    waitReason: null,
    ...(lastError !== undefined ? { lastError } : {}),
  };
}

export async function cancelJob({ userId, id, now = new Date() }: { userId: string; id: string; now?: Date }): Promise<OmiSyncJob> {
  const job = await getJob({ userId, id });
  if (!isActive(job.state)) return job;
  const [saved] = await db
    .update(omiSyncJobs)
    .set(finished("cancelled", now))
    .where(and(eq(omiSyncJobs.id, id), inArray(omiSyncJobs.state, [...omiSyncActiveStates])))
    .returning();
  return saved ?? (await getJob({ userId, id }));
}

/** The active job and the latest finished import and reconcile of a key. */
export async function jobsOfKey(keyId: string) {
  const recent = await db
    .select()
    .from(omiSyncJobs)
    .where(eq(omiSyncJobs.keyId, keyId))
    .orderBy(desc(omiSyncJobs.createdAt), desc(omiSyncJobs.id))
    .limit(30);
  return {
    active: recent.find((j) => isActive(j.state)) ?? null,
    lastImport: recent.find((j) => j.kind === "import" && !isActive(j.state)) ?? null,
    lastReconcile: recent.find((j) => j.kind === "reconcile" && !isActive(j.state)) ?? null,
  };
}

/** Jobs whose turn has come: for the runner's query, exported for tests. */
export const dueCondition = sql`${omiSyncJobs.state} in ('queued', 'running', 'waiting') and ${omiSyncJobs.nextAttemptAt} <= now()
  and (${omiSyncJobs.leaseUntil} is null or ${omiSyncJobs.leaseUntil} < now())`;
