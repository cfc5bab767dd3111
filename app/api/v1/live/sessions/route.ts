/** GET /api/v1/live/sessions: the account's live sessions, newest first. */
import { route } from "@/lib/api/handler";
import type { LiveSessions } from "@/lib/api/schemas/live";
import { listSessions } from "@/lib/live/queries";

export const GET = route({ auth: "account", needs: "read" }, async ({ scope }): Promise<LiveSessions> => {
  const sessions = await listSessions({ scope: await scope });
  return {
    items: sessions.map((s) => ({
      ...s,
      startedAt: s.startedAt.toISOString(),
      lastSegmentAt: s.lastSegmentAt.toISOString(),
    })),
  };
});
