/**
 * GET /api/v1/data: "Export all my data" as one ZIP, streamed as it is written (see
 * lib/memories/zip.ts), with counts and an estimated size in headers for progress.
 * DELETE /api/v1/data {"confirm":"DELETE"}: "Delete my data"; the account stays.
 */
import { route } from "@/lib/api/handler";
import { deleteDataResultSchema, deleteDataSchema } from "@/lib/api/schemas/memories";
import { deleteAccountData, estimateExport, exportEntries } from "@/lib/memories/account-data";
import { zipStream } from "@/lib/memories/zip";

export const runtime = "nodejs";
// Large accounts take a while; on Vercel a function stops at its limit (README notes it).
export const maxDuration = 300;

export const GET = route({ auth: "account", needs: "account" }, async ({ scope }) => {
  const visible = await scope;
  const estimate = await estimateExport({ scope: visible });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(zipStream(exportEntries(visible)), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="omi-hub-export-${stamp}.zip"`,
      "cache-control": "no-store",
      "x-export-memories": String(estimate.memories),
      "x-export-day-summaries": String(estimate.daySummaries),
      "x-export-recordings": String(estimate.recordings),
      "x-export-estimated-bytes": String(estimate.estimatedBytes),
    },
  });
});

export const DELETE = route({ auth: "account", needs: "account", body: deleteDataSchema }, async ({ scope }) =>
  deleteDataResultSchema.parse({ deleted: await deleteAccountData({ scope: await scope }) }),
);
