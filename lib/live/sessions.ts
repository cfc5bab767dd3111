/**
 * Ties live sessions to the memory Omi later sends for the same conversation: a session
 * belongs to the memory whose transcript holds its segment ids. Called by memory ingest
 * inside its transaction; a memory's own transcript never emits live events.
 *
 * A session that already points at another memory keeps it (Omi may split one listening
 * session into several conversations; the first one that claims it wins, so re-sending
 * a memory never moves links around).
 */
import "server-only";
import { sql } from "drizzle-orm";
import { rows, type DbOrTx } from "@/db/client";

export async function linkSessionsToMemory({
  tx,
  uid,
  ownerUserId,
  memoryId,
  segmentIds,
}: {
  tx: DbOrTx;
  uid: string;
  ownerUserId: string | null;
  memoryId: string;
  /** Omi segment ids from the memory's transcript (segments without an id are skipped). */
  segmentIds: readonly (string | null | undefined)[];
}): Promise<{ linked: number }> {
  const ids = [...new Set(segmentIds.filter((s): s is string => typeof s === "string" && s.length > 0))];
  if (ids.length === 0) return { linked: 0 };
  const linked = await rows<{ id: string }>(
    sql`update live_sessions set memory_id = ${memoryId}
        where (memory_id is null or memory_id = ${memoryId})
          and id in (
            select session_id from transcript_segments
            where uid = ${uid}
              and owner_user_id is not distinct from ${ownerUserId}
              and segment_id in (${sql.join(
                ids.map((i) => sql`${i}`),
                sql`, `,
              )})
          )
        returning id`,
    tx,
  );
  return { linked: linked.length };
}
