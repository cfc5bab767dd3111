import { route } from "@/lib/api/handler";
import { memoryListQuerySchema, memoryListSchema } from "@/lib/api/schemas/memories";
import { scopeFor } from "@/lib/auth/scope";
import { listMemories } from "@/lib/memories/queries";

export const dynamic = "force-dynamic";

/** GET /api/v1/memories?q=&category=&from=&to=&discarded=&cursor=&limit= → {items, nextCursor} */
export const GET = route({ auth: "account", query: memoryListQuerySchema }, async ({ user, query }) =>
  memoryListSchema.parse(await listMemories({ scope: await scopeFor(user.id), query })),
);
