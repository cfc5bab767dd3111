/**
 * Scheduled work (pruning old deliveries and audio). On Vercel, Cron calls
 * /api/cron/maintenance with CRON_SECRET; elsewhere this timer runs the same job.
 * Omi Developer API imports and reconciles also step along in their own short loop.
 */
import { log } from "@/lib/log";
import { runMaintenance } from "@/lib/maintenance";
import { startSyncLoop, stopSyncLoop } from "@/lib/omi-sync/runner";
import { describeDbError } from "@/db/errors";

const intervalMs = 60 * 60 * 1000;
let timer: NodeJS.Timeout | undefined;

export function startScheduler(): void {
  if (timer) return;
  const tick = () =>
    runMaintenance()
      .then((result) => log.info("maintenance done", result))
      .catch((err: unknown) => log.warn("maintenance failed", { err: describeDbError(err) }));
  // First run shortly after start, then hourly; never keep the process alive for it.
  setTimeout(tick, 30_000).unref();
  timer = setInterval(tick, intervalMs);
  timer.unref();
  startSyncLoop();
}

export function stopScheduler(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
  stopSyncLoop();
}
