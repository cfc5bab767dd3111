/**
 * Memory tools: full-text search (with the passage that matched) and one memory with
 * its summary, action items and transcript, bounded by a size argument. Both read
 * through lib/memories/queries.ts, the functions behind GET /api/v1/memories.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import type { MemoryDetail, MemoryListQuery } from "@/lib/api/schemas/memories";
import { dateParam } from "@/lib/api/schemas/params";
import type { SnippetPart } from "@/lib/memories/highlight";
import { getMemory, listMemories } from "@/lib/memories/queries";
import { speakerLabel } from "@/lib/speakers";
import { addResource, addTool, type McpContext, memoryUrl } from "./context";
import { cursorArg, idArg } from "./args";

/** Matched words in **bold**: readable by any assistant, no markup to escape. */
export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => (p.match ? `**${p.text}**` : p.text)).join("");
}

export const DEFAULT_MAX_CHARS = 20_000;

/** The memory as an assistant reads it: transcript segments from `offset` until `maxChars` of text. */
export function memoryForAssistant(ctx: McpContext, m: MemoryDetail, { maxChars, offset }: { maxChars: number; offset: number }) {
  const segments: { index: number; speaker: string; isUser: boolean; start: number; end: number; text: string }[] = [];
  let used = 0;
  let next = offset;
  for (const s of m.transcriptSegments.slice(offset)) {
    // Always at least one segment, so paging moves forward even past a huge one.
    if (segments.length > 0 && used + s.text.length > maxChars) break;
    const text = s.text.length > maxChars ? `${s.text.slice(0, maxChars)}…` : s.text;
    segments.push({ index: next, speaker: speakerLabel(s), isUser: s.isUser, start: s.start, end: s.end, text });
    used += text.length;
    next += 1;
  }
  const total = m.transcriptSegments.length;
  return {
    id: m.id,
    title: m.title,
    emoji: m.emoji,
    category: m.category,
    startedAt: m.startedAt,
    finishedAt: m.finishedAt,
    durationSeconds: m.durationSeconds,
    overview: m.overview,
    sections: m.sections,
    events: m.events,
    actionItems: m.actionItems
      .filter((a) => a.present)
      .map((a) => ({ id: a.id, description: a.description, completed: a.completed, dueAt: a.dueAt })),
    transcript: { totalSegments: total, offset, nextOffset: next < total ? next : null, segments },
    url: memoryUrl(ctx, m.id),
  };
}

async function readMemory(ctx: McpContext, id: string) {
  const memory = await getMemory({ scope: await ctx.scope(), id });
  if (!memory) throw notFound("Memory");
  return memory;
}

export function registerMemoryTools(server: McpServer, ctx: McpContext): void {
  addTool(
    server,
    ctx,
    {
      name: "search_memories",
      title: "Search memories",
      description:
        "Finds memories (Omi's finished conversations) by words in their title, overview or transcript, ranked by relevance, " +
        "each with the passage that matched (matches in **bold**) and a link to it in Omi Hub. Without `query` it lists the newest. " +
        "Filter by date (`from`, `to`) and `category`; page with `cursor`.",
      needs: "read",
      readOnly: true,
      input: {
        query: z
          .string()
          .trim()
          .max(200, "query: at most 200 characters")
          .optional()
          .describe('Words to find; web-search syntax: "a phrase", or, -word. Omit to list the newest.'),
        from: dateParam.optional().describe("Only memories from this day (YYYY-MM-DD) or instant (ISO date-time) on"),
        to: dateParam.optional().describe("Only memories up to this day (YYYY-MM-DD, inclusive) or before this instant"),
        category: z.string().max(60, "category: at most 60 characters").optional().describe("Omi's category, e.g. work, personal"),
        include_discarded: z.boolean().optional().describe("Also memories Omi discarded"),
        limit: z.number().int().min(1).max(25).default(10),
        cursor: cursorArg(),
      },
    },
    async (args) => {
      const query: MemoryListQuery = {
        q: args.query || undefined,
        from: args.from,
        to: args.to,
        category: args.category,
        discarded: args.include_discarded,
        cursor: args.cursor,
        limit: args.limit,
      };
      const page = await listMemories({ scope: await ctx.scope(), query });
      return {
        items: page.items.map((m) => ({
          id: m.id,
          title: m.title,
          emoji: m.emoji,
          category: m.category,
          at: m.listedAt,
          durationSeconds: m.durationSeconds,
          actionItemCount: m.actionItemCount,
          snippet: snippetText(m.snippet),
          url: memoryUrl(ctx, m.id),
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  addTool(
    server,
    ctx,
    {
      name: "get_memory",
      title: "Get a memory",
      description:
        "One memory: overview, sections, action items (with ids for complete_action_item) and the transcript with speakers. " +
        "The transcript is cut at `max_chars` characters; continue from `transcript.nextOffset` with `segment_offset`.",
      needs: "read",
      readOnly: true,
      input: {
        id: idArg("The memory's id, from search_memories"),
        max_chars: z.number().int().min(500).max(100_000).default(DEFAULT_MAX_CHARS).describe("Most transcript characters to return"),
        segment_offset: z.number().int().min(0).max(1_000_000).default(0).describe("First transcript segment to return"),
      },
    },
    async (args) => memoryForAssistant(ctx, await readMemory(ctx, args.id), { maxChars: args.max_chars, offset: args.segment_offset }),
  );
}

/** omi-hub://memories/{id}: the memory as get_memory returns it. */
export function registerMemoryResource(server: McpServer, ctx: McpContext): void {
  addResource(
    server,
    ctx,
    {
      name: "memory",
      template: "omi-hub://memories/{id}",
      title: "Memory",
      description: "A memory with its transcript, as get_memory answers",
    },
    async ({ id }) => memoryForAssistant(ctx, await readMemory(ctx, id ?? ""), { maxChars: DEFAULT_MAX_CHARS, offset: 0 }),
  );
}
