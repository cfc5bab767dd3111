import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { exportFormatSchema } from "@/lib/api/schemas/memories";
import { scopeFor } from "@/lib/auth/scope";
import { exportFileName, memoryToMarkdown } from "@/lib/memories/export";
import { getMemory } from "@/lib/memories/queries";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

/** GET /api/v1/memories/{id}/export?format=md|json: a download of one memory. */
export const GET = route({ auth: "account", params, query: exportFormatSchema }, async ({ user, params, query }) => {
  const memory = await getMemory({ scope: await scopeFor(user.id), id: params.id });
  if (!memory) throw notFound("Memory");
  const name = exportFileName(memory, query.format);
  const body = query.format === "json" ? `${JSON.stringify(memory, null, 2)}\n` : memoryToMarkdown(memory);
  return new Response(body, {
    headers: {
      "content-type": query.format === "json" ? "application/json; charset=utf-8" : "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
