/**
 * Retention work run hourly. Each task lives with its feature and registers here.
 * Returns counts so the cron route and the log can say what happened.
 */
import "server-only";
import { lt } from "drizzle-orm";
import { db } from "@/db/client";
import { deliveries, deliveryKeys, webhookRefusals } from "@/db/schema";
import { pruneAudio } from "@/lib/audio/retention";
import { pruneRateLimits } from "@/lib/auth/rate-limit";
import { env } from "@/lib/env";
import { processDue } from "@/lib/notify/sender";
import { omiSyncMaintenance } from "@/lib/omi-sync/runner";

/**
 * The delivery log, its delivery keys and the refusal counts grow with every webhook:
 * rows older than DELIVERY_RETENTION_DAYS go. Columns by reference (the arrival column
 * is created_at in SQL), so a rename breaks the build, not the hourly job.
 */
export async function pruneDeliveries(now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env.DELIVERY_RETENTION_DAYS * 86_400_000);
  const deleted = await db.delete(deliveries).where(lt(deliveries.receivedAt, cutoff)).returning({ id: deliveries.id });
  await db.delete(deliveryKeys).where(lt(deliveryKeys.createdAt, cutoff));
  await db.delete(webhookRefusals).where(lt(webhookRefusals.minute, cutoff));
  return deleted.length;
}

export async function runMaintenance(): Promise<Record<string, number>> {
  return {
    deliveriesDeleted: await pruneDeliveries(),
    recordingsDeleted: await pruneAudio(),
    rateLimitsDeleted: await pruneRateLimits(),
    // Held/queued notifications whose time has come, and claims abandoned mid-call.
    notificationsProcessed: await processDue({ limit: 200 }),
    // Each connected Omi Developer API key's hourly reconcile; on Vercel (no loop of our own) also a minute of import/reconcile steps.
    ...(await omiSyncMaintenance({ deadlineMs: env.VERCEL ? 60_000 : 0 })),
  };
}
