/** GET /api/v1/live/sessions: the account's live sessions, newest first. */
import { route } from "@/lib/api/handler";
import type { LiveSessions } from "@/lib/api/schemas/live";
import { scopeFor } from "@/lib/auth/scope";
import { listSessions } from "@/lib/live/queries";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "account" }, async ({ user }): Promise<LiveSessions> => {
  const scope = await scopeFor(user.id);
  const sessions = await listSessions({ scope });
  return {
    items: sessions.map((s) => ({
      ...s,
      startedAt: s.startedAt.toISOString(),
      lastSegmentAt: s.lastSegmentAt.toISOString(),
    })),
  };
});
