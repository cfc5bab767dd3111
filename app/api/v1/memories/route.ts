import { route } from "@/lib/api/handler";
import { memoryListQuerySchema, memoryListSchema } from "@/lib/api/schemas/memories";
import { listMemories } from "@/lib/memories/queries";

/** GET /api/v1/memories?q=&category=&from=&to=&discarded=&cursor=&limit= → {items, nextCursor} */
export const GET = route({ auth: "account", needs: "read", query: memoryListQuerySchema }, async ({ query, scope }) =>
  memoryListSchema.parse(await listMemories({ scope: await scope, query })),
);
