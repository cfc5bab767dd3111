/**
 * At most LIVE_MAX_STREAMS_PER_ACCOUNT open live streams per account (docs/ARCHITECTURE.md: SSE
 * connections per account are capped). Counted per process: with several instances an
 * account can hold that many on each. That bounds what one browser tab storm costs a
 * process, which is the point; a global count would need a shared store with leases
 * that outlive crashed instances.
 */
import "server-only";
import { env } from "@/lib/env";

const globalForLimits = globalThis as unknown as { __omiLiveStreams?: Map<string, number> };
const open = (globalForLimits.__omiLiveStreams ??= new Map<string, number>());

/** A release function, or null when the account is at its cap. Release is idempotent. */
export function acquireStreamSlot(userId: string, max = env.LIVE_MAX_STREAMS_PER_ACCOUNT): (() => void) | null {
  const count = open.get(userId) ?? 0;
  if (count >= max) return null;
  open.set(userId, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const now = (open.get(userId) ?? 1) - 1;
    if (now <= 0) open.delete(userId);
    else open.set(userId, now);
  };
}

export function openStreams(userId: string): number {
  return open.get(userId) ?? 0;
}
