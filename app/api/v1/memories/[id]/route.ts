import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { getMemory } from "@/lib/memories/queries";

/** GET /api/v1/memories/{id} → the memory with transcriptSegments, actionItems and Omi's payload under "omi". */
export const GET = route({ auth: "account", needs: "read", params: idParams }, async ({ params, scope }) => {
  const memory = await getMemory({ scope: await scope, id: params.id });
  if (!memory) throw notFound("Memory");
  return memory;
});
