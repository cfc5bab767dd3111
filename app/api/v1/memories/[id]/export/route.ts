import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { exportFormatSchema } from "@/lib/api/schemas/memories";
import { exportFileName, memoryToMarkdown } from "@/lib/memories/export";
import { getMemory } from "@/lib/memories/queries";

/** GET /api/v1/memories/{id}/export?format=md|json: a download of one memory. */
export const GET = route(
  { auth: "account", needs: "read", params: idParams, query: exportFormatSchema },
  async ({ params, query, scope }) => {
    const memory = await getMemory({ scope: await scope, id: params.id });
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
  },
);
