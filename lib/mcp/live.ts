/**
 * The live transcript: the current (newest) live session or a past one, in spoken order
 * with speakers, through lib/live/queries.ts like GET /api/v1/live/segments. Called
 * again while Omi streams, it answers with the lines that arrived meanwhile.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { listSessions, sessionSegments, type LiveSessionSummary } from "@/lib/live/queries";
import { speakerLabel } from "@/lib/speakers";
import { idArg } from "./args";
import { addTool, link, type McpContext, memoryUrl } from "./context";

const RECENT_SESSIONS = 10;

function sessionInfo(ctx: McpContext, s: LiveSessionSummary) {
  return {
    id: s.id,
    uid: s.uid,
    startedAt: s.startedAt.toISOString(),
    lastSegmentAt: s.lastSegmentAt.toISOString(),
    segmentCount: s.segmentCount,
    active: s.active,
    memory: s.memoryId ? { id: s.memoryId, title: s.memoryTitle, url: memoryUrl(ctx, s.memoryId) } : null,
  };
}

export function registerLiveTools(server: McpServer, ctx: McpContext): void {
  addTool(
    server,
    ctx,
    {
      name: "get_live_transcript",
      title: "Get the live transcript",
      description:
        "The transcript of the current live session (what Omi is hearing now, updated as it streams), or of a past one " +
        "with `session_id`, in spoken order with speakers. Lists recent sessions too. While a session is active, call " +
        "again to read the lines that arrived since.",
      needs: "read",
      readOnly: true,
      input: {
        session_id: idArg("A session id from recentSessions; omit for the current session").optional(),
        max_segments: z.number().int().min(1).max(2000).default(300).describe("Most recent lines to return"),
      },
    },
    async (args) => {
      const scope = await ctx.scope();
      const recent = await listSessions({ scope, limit: RECENT_SESSIONS });
      const sessionId = args.session_id ?? recent[0]?.id;
      const recentSessions = recent.map((s) => sessionInfo(ctx, s));
      if (!sessionId) return { session: null, segments: [], omittedEarlier: 0, recentSessions, url: link(ctx, "/live") };
      const segments = await sessionSegments({ scope, sessionId });
      if (!segments) throw notFound("Live session");
      const shown = segments.slice(-args.max_segments);
      const known = recent.find((s) => s.id === sessionId);
      return {
        session: known ? sessionInfo(ctx, known) : { id: sessionId, uid: segments[0]?.uid ?? null, segmentCount: segments.length },
        segments: shown.map((s) => ({ id: s.id, speaker: speakerLabel(s), isUser: s.isUser, start: s.start, end: s.end, text: s.text })),
        omittedEarlier: segments.length - shown.length,
        recentSessions,
        url: link(ctx, "/live"),
      };
    },
  );
}
