/**
 * Audio retention per account (users.audio_retention_days; null keeps audio forever).
 * Run hourly by runMaintenance(). A recording counts as old from its last chunk.
 *
 * Audio that came with an account's personal token follows that account's setting.
 * App-token audio (no owner) belongs to the account with a verified link to its uid
 * (the only one that sees it); the strictest setting among such accounts wins.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, rows } from "@/db/client";
import { users } from "@/db/schema";
import { dataLinkStatus } from "@/lib/auth/scope";

export async function pruneAudio(now: Date = new Date()): Promise<number> {
  const at = now.toISOString();
  const owned = await rows(sql`
    delete from recordings r using users u
    where r.owner_user_id = u.id
      and u.audio_retention_days is not null
      and r.last_chunk_at < ${at}::timestamptz - make_interval(days => u.audio_retention_days)
    returning r.id`);
  const shared = await rows(sql`
    delete from recordings r
    where r.owner_user_id is null
      and r.last_chunk_at < ${at}::timestamptz - make_interval(days => (
        select min(u.audio_retention_days) from omi_links l join users u on u.id = l.user_id
        where l.uid = r.uid and l.status = ${dataLinkStatus}))
    returning r.id`);
  return owned.length + shared.length;
}

export async function getAudioRetention(args: { userId: string }): Promise<number | null> {
  const [row] = await db.select({ days: users.audioRetentionDays }).from(users).where(eq(users.id, args.userId));
  return row?.days ?? null;
}

export async function setAudioRetention(args: { userId: string; days: number | null }): Promise<void> {
  await db.update(users).set({ audioRetentionDays: args.days }).where(eq(users.id, args.userId));
}
