/**
 * Recordings (the audio Omi streamed, put together by arrival time) in a time range, each
 * with the live transcript lines that arrived while it streamed, placed by their offset
 * into the audio. Through lib/audio/queries.ts like GET /api/v1/recordings/{id}.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { dateParam } from "@/lib/api/schemas/params";
import { getRecordingDetail, listRecordings } from "@/lib/audio/queries";
import { timeBounds } from "@/lib/memories/queries";
import { speakerLabel } from "@/lib/speakers";
import { cursorArg } from "./args";
import { addTool, link, type McpContext } from "./context";

export function registerRecordingTools(server: McpServer, ctx: McpContext): void {
  addTool(
    server,
    ctx,
    {
      name: "list_recordings",
      title: "List recordings",
      description:
        "Audio recordings that started in a time range, newest first: start, end, duration, gaps where audio went missing, " +
        "and the transcript lines received meanwhile with their offset in seconds into the recording (the alignment). " +
        "Each has a link to play it in Omi Hub.",
      needs: "read",
      readOnly: true,
      input: {
        from: dateParam.optional().describe("From this day (YYYY-MM-DD) or instant (ISO date-time)"),
        to: dateParam.optional().describe("Up to this day (YYYY-MM-DD, inclusive) or before this instant"),
        limit: z.number().int().min(1).max(20).default(10),
        cursor: cursorArg(500),
        include_transcript: z.boolean().default(true),
        max_segments: z.number().int().min(1).max(500).default(50).describe("Most transcript lines per recording"),
      },
    },
    async (args) => {
      const scope = await ctx.scope();
      const { from, to } = timeBounds(args);
      const page = await listRecordings({
        scope,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        cursor: args.cursor,
        limit: args.limit,
      });
      const items = await Promise.all(
        page.items.map(async (r) => {
          const detail = args.include_transcript ? await getRecordingDetail({ scope, id: r.id }) : null;
          const segments = detail?.segments ?? [];
          return {
            id: r.id,
            uid: r.uid,
            startedAt: r.startedAt,
            endedAt: r.endedAt,
            durationSeconds: r.durationSeconds,
            sampleRate: r.sampleRate,
            gaps: r.gaps.map((g) => ({ atSeconds: g.atSeconds, missingSeconds: g.missingSeconds })),
            transcript: args.include_transcript
              ? {
                  totalSegments: segments.length,
                  segments: segments.slice(0, args.max_segments).map((s) => ({
                    offsetSeconds: Math.round(s.offsetSeconds * 10) / 10,
                    speaker: speakerLabel(s),
                    text: s.text,
                  })),
                }
              : null,
            url: link(ctx, `/audio?r=${encodeURIComponent(r.id)}`),
          };
        }),
      );
      return { items, nextCursor: page.nextCursor };
    },
  );
}
