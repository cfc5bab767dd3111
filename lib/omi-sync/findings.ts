/**
 * What a reconcile found in Omi that webhooks never delivered: one row per
 * conversation, per account, shown on the Deliveries page so a person sees that their
 * webhook setup dropped something (the hub was down, a URL was wrong, an offline sync).
 */
import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { omiSyncFindings } from "@/db/schema";
import { parseOmiTimestamp } from "@/lib/omi/timestamps";

export async function recordMissing(input: {
  userId: string;
  uid: string;
  jobId: string;
  memoryId: string;
  omiId: string;
  title: string;
  omiCreatedAt: string | null | undefined;
}): Promise<boolean> {
  const inserted = await db
    .insert(omiSyncFindings)
    .values({ ...input, omiCreatedAt: parseOmiTimestamp(input.omiCreatedAt) })
    .onConflictDoNothing()
    .returning({ id: omiSyncFindings.id });
  return inserted.length > 0;
}

export async function listMissing({ userId, days, limit, now = new Date() }: { userId: string; days: number; limit: number; now?: Date }) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const where = and(eq(omiSyncFindings.userId, userId), gte(omiSyncFindings.foundAt, since));
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(omiSyncFindings)
    .where(where);
  const items = await db
    .select()
    .from(omiSyncFindings)
    .where(where)
    .orderBy(desc(omiSyncFindings.foundAt), desc(omiSyncFindings.omiCreatedAt))
    .limit(limit);
  return {
    total: Number(count?.n ?? 0),
    days,
    items: items.map((f) => ({
      id: f.id,
      uid: f.uid,
      omiId: f.omiId,
      memoryId: f.memoryId,
      title: f.title,
      omiCreatedAt: f.omiCreatedAt?.toISOString() ?? null,
      foundAt: f.foundAt.toISOString(),
    })),
  };
}
