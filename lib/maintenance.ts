/**
 * Retention work run hourly. Each task lives with its feature and registers here.
 * Returns counts so the cron route and the log can say what happened.
 */
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { pruneAudio } from "@/lib/audio/retention";
import { env } from "@/lib/env";

export async function pruneDeliveries(): Promise<number> {
  const deleted = await rows(
    sql`delete from deliveries where received_at < now() - make_interval(days => ${env.DELIVERY_RETENTION_DAYS}) returning id`,
  );
  await rows(sql`delete from delivery_keys where created_at < now() - make_interval(days => ${env.DELIVERY_RETENTION_DAYS})`);
  return deleted.length;
}

export async function runMaintenance(): Promise<Record<string, number>> {
  return { deliveriesDeleted: await pruneDeliveries(), recordingsDeleted: await pruneAudio() };
}
