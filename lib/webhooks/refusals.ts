/**
 * Webhook requests that prove nothing (no valid token, no signature we could check):
 * anyone on the internet can send them, so they must cost us almost nothing.
 *
 * - Their body is never read (the token in the URL is checked first).
 * - They are counted, not logged: one webhook_refusals row per client address, event,
 *   status and minute, however many arrive. Counts are gathered in this process and
 *   written in one statement at most every FLUSH_MS (the first of a new row at once,
 *   after the answer), so a flood writes a few rows, not one per request.
 * - Past REFUSALS_PER_MINUTE from one address in this process, the answer becomes 429
 *   with Retry-After, and nothing more is counted until the next minute. The address
 *   comes from lib/http/client-address.ts; when it cannot be known, nothing is limited
 *   (counts go to "unknown").
 * Operators see the counts on the Deliveries page.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import type { WebhookEvent } from "@/lib/constants";
import { AppError } from "@/lib/api/errors";
import { errorBody } from "@/lib/api/json";
import { json } from "@/lib/api/respond";
import { clientAddress } from "@/lib/http/client-address";
import { log } from "@/lib/log";
import { runAfterResponse } from "@/lib/notify/background";

export const REFUSALS_PER_MINUTE = 120;
const FLUSH_MS = 2_000;

type Pending = { minute: Date; address: string; event: WebhookEvent; status: number; count: number; declaredBytes: number };

const pending = new Map<string, Pending>();
const perAddress = new Map<string, { minute: number; count: number }>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;

/** Answers an unauthenticated request (without reading its body) and counts it. */
export function refuseUnauthenticated(req: Request, event: WebhookEvent, error: AppError): Response {
  const known = clientAddress(req.headers);
  const address = known ?? "unknown";
  const now = Date.now();
  const minute = Math.floor(now / 60_000);
  // Only a known address is limited: one shared "unknown" bucket would let anyone block everyone.
  const seen = known ? perAddress.get(known) : undefined;
  const count = seen && seen.minute === minute ? seen.count + 1 : 1;
  if (known) {
    if (perAddress.size > 10_000 && !seen) perAddress.clear();
    perAddress.set(known, { minute, count });
  }
  // The body stays unread: cancel it so its bytes are not buffered.
  void req.body?.cancel().catch(() => {});

  if (count > REFUSALS_PER_MINUTE) {
    const retryAfter = String(Math.max(1, Math.ceil(((minute + 1) * 60_000 - now) / 1000)));
    const limited = new AppError("rate_limited", "Too many unauthenticated webhook requests from this address; slow down", undefined, {
      "retry-after": retryAfter,
    });
    return json(errorBody(limited), { status: limited.status, headers: limited.headers });
  }
  const declared = Number(req.headers.get("content-length"));
  countRefusal({
    minute: new Date(minute * 60_000),
    address,
    event,
    status: error.status,
    count: 1,
    declaredBytes: Number.isFinite(declared) && declared > 0 ? declared : 0,
  });
  return json(errorBody(error), { status: error.status, headers: error.headers });
}

function countRefusal(p: Pending): void {
  const key = `${p.minute.getTime()}|${p.address}|${p.event}|${p.status}`;
  const existing = pending.get(key);
  if (existing) {
    existing.count += p.count;
    existing.declaredBytes += p.declaredBytes;
  } else {
    pending.set(key, p);
  }
  if (!existing && !flushTimer) {
    // A new row: written right after this answer (also where timers do not outlive a request).
    runAfterResponse(() => flushRefusals());
  }
  flushTimer ??= setTimeout(() => void flushRefusals(), FLUSH_MS);
  flushTimer.unref?.();
}

let flushing: Promise<void> = Promise.resolve();

/** Writes the gathered counts (one statement), after any write already under way. Exported for tests. */
export function flushRefusals(): Promise<void> {
  flushing = flushing.then(writePending);
  return flushing;
}

async function writePending(): Promise<void> {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  if (pending.size === 0) return;
  const batch = [...pending.values()];
  pending.clear();
  try {
    await rows(sql`
      insert into webhook_refusals (minute, address, event, status, count, declared_bytes)
      select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
        as r(minute timestamptz, address text, event text, status int, count int, "declaredBytes" bigint)
      on conflict (minute, address, event, status) do update set
        count = webhook_refusals.count + excluded.count,
        declared_bytes = webhook_refusals.declared_bytes + excluded.declared_bytes`);
  } catch (err) {
    log.warn("could not count refused webhook requests", {
      err: String(err).split("\n")[0],
      refused: batch.reduce((n, b) => n + b.count, 0),
    });
  }
}
