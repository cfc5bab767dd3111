import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { scopeFor } from "@/lib/auth/scope";
import { getMemory } from "@/lib/memories/queries";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

/** GET /api/v1/memories/{id} → the memory with transcriptSegments, actionItems and Omi's payload under "omi". */
export const GET = route({ auth: "account", params }, async ({ user, params }) => {
  const memory = await getMemory({ scope: await scopeFor(user.id), id: params.id });
  if (!memory) throw notFound("Memory");
  return memory;
});
