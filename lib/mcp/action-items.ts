/**
 * Action item tools: the list across memories and ticking one (kept here, surviving Omi
 * re-sending the memory), through lib/memories/action-items.ts like the read API.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { listActionItems, setActionItemCompleted } from "@/lib/memories/action-items";
import { cursorArg, idArg } from "./args";
import { addTool, type McpContext, memoryUrl } from "./context";

export function registerActionItemTools(server: McpServer, ctx: McpContext): void {
  addTool(
    server,
    ctx,
    {
      name: "list_action_items",
      title: "List action items",
      description:
        "Action items from the memories, newest memory first, each with its memory's title and a link. " +
        "`status`: open (default), completed or all; page with `cursor`.",
      needs: "read",
      readOnly: true,
      input: {
        status: z.enum(["open", "completed", "all"]).default("open"),
        limit: z.number().int().min(1).max(100).default(25),
        cursor: cursorArg(),
      },
    },
    async (args) => {
      const page = await listActionItems({ scope: await ctx.scope(), status: args.status, cursor: args.cursor, limit: args.limit });
      return {
        items: page.items.map((a) => ({
          id: a.id,
          description: a.description,
          completed: a.completed,
          dueAt: a.dueAt,
          memory: { id: a.memory.id, title: a.memory.title, at: a.memory.listedAt, url: memoryUrl(ctx, a.memory.id) },
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  addTool(
    server,
    ctx,
    {
      name: "complete_action_item",
      title: "Complete an action item",
      description: "Marks an action item done (or, with completed: false, open again) in Omi Hub.",
      needs: "write",
      readOnly: false,
      input: {
        id: idArg("The action item's id, from list_action_items or get_memory"),
        completed: z.boolean().default(true),
      },
    },
    async (args) => {
      const item = await setActionItemCompleted({ scope: await ctx.scope(), id: args.id, completed: args.completed });
      if (!item) throw notFound("Action item");
      return {
        id: item.id,
        description: item.description,
        completed: item.completed,
        memoryUrl: memoryUrl(ctx, item.memoryId),
      };
    },
  );
}
