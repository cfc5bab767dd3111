/**
 * Process-level lifecycle for `next dev` / `next start` (not Vercel functions):
 * graceful shutdown that closes the database, and the in-process scheduler.
 */
import "server-only";
import { closeDb } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { startScheduler, stopScheduler } from "@/lib/scheduler";

let started = false;

export function onServerStart(): void {
  if (started) return;
  started = true;
  if (env.ADMIN_EMAILS) {
    log.warn("ADMIN_EMAILS is no longer read and grants nothing: grant operators with `npm run user -- grant-operator <email>`");
  }
  if (!env.VERCEL && !env.DISABLE_SCHEDULER) startScheduler();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    stopScheduler();
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    closeDb()
      .catch((err: unknown) => log.error("closing the database failed", { err }))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}
