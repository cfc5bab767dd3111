/**
 * Work that must not delay an answer: inside a Next request it runs through `after()`
 * (after the response is sent, so after the webhook's transaction has committed; on
 * Vercel the function stays alive for it). Outside a request (scripts, timers, tests)
 * it runs detached; `settleBackground()` waits for it (tests, shutdown).
 */
import { after } from "next/server";
import { log } from "@/lib/log";
import { describeDbError } from "@/db/errors";

const pending = new Set<Promise<unknown>>();

function track(task: () => Promise<unknown>): Promise<unknown> {
  const p = task()
    .catch((err: unknown) => log.warn("background notification work failed", { err: describeDbError(err) }))
    .finally(() => pending.delete(p));
  pending.add(p);
  return p;
}

export function runAfterResponse(task: () => Promise<unknown>): void {
  try {
    after(() => track(task));
  } catch {
    // Not in a request scope.
    setImmediate(() => void track(task));
  }
}

/** Runs `task` after `ms` in this process (held notifications due soon); never keeps the process alive. */
export function runLater(ms: number, task: () => Promise<unknown>): void {
  setTimeout(() => void track(task), ms).unref();
}

/** Waits until every tracked task (including ones they start) has finished. */
export async function settleBackground(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  while (pending.size) {
    await Promise.allSettled([...pending]);
    await new Promise((r) => setImmediate(r));
  }
}
