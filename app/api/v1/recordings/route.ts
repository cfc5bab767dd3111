import { route } from "@/lib/api/handler";
import { recordingListQuerySchema, type RecordingList } from "@/lib/api/schemas/recordings";
import { listRecordings } from "@/lib/audio/queries";

/** GET /api/v1/recordings?from=&to=&cursor=&limit=: recordings newest first. */
export const GET = route(
  { auth: "account", needs: "read", query: recordingListQuerySchema },
  async ({ query, scope }): Promise<RecordingList> =>
    listRecordings({
      scope: await scope,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      cursor: query.cursor,
      limit: query.limit,
    }),
);
