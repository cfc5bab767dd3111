import { route } from "@/lib/api/handler";
import { recordingListQuerySchema, type RecordingList } from "@/lib/api/schemas/recordings";
import { listRecordings } from "@/lib/audio/queries";
import { scopeFor } from "@/lib/auth/scope";

export const dynamic = "force-dynamic";

/** GET /api/v1/recordings?from=&to=&cursor=&limit=: recordings newest first. */
export const GET = route({ auth: "account", query: recordingListQuerySchema }, async ({ user, query }): Promise<RecordingList> => {
  const scope = await scopeFor(user.id);
  return listRecordings({
    scope,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    cursor: query.cursor,
    limit: query.limit,
  });
});
