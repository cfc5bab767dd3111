/**
 * The contract between live-transcript writers and readers. A writer, inside the
 * transaction that changed a segment, calls `notifyLiveChange`; Postgres delivers the
 * NOTIFY only when that transaction commits, so a reader woken by it always finds the
 * change. Readers LISTEN on LIVE_CHANNEL (lib/live), or poll by sequence.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

export const LIVE_CHANNEL = "omi_live";

export type LiveNotice = { streamId: number; seq: number };

export async function notifyLiveChange(tx: Tx, notice: LiveNotice): Promise<void> {
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(notice)})`);
}

export function parseLiveNotice(payload: string): LiveNotice | null {
  try {
    const v = JSON.parse(payload) as Partial<LiveNotice>;
    return typeof v.streamId === "number" && typeof v.seq === "number" ? { streamId: v.streamId, seq: v.seq } : null;
  } catch {
    return null;
  }
}
