/**
 * GET /api/v1/data: "Export all my data" as one ZIP, streamed as it is written (see
 * lib/memories/zip.ts), with counts and its size (exact, or estimated for very large
 * accounts) in headers for progress.
 * DELETE /api/v1/data {"confirm":"DELETE"}: "Delete my data"; the account stays.
 */
import { route } from "@/lib/api/handler";
import { deleteDataResultSchema, deleteDataSchema } from "@/lib/api/schemas/memories";
import { deleteAccountData, estimateExport, exportArchive } from "@/lib/memories/account-data";

export const runtime = "nodejs";
// Large accounts take a while; on Vercel a function stops at its limit (README notes it).
export const maxDuration = 300;

export const GET = route({ auth: "account", needs: "account" }, async ({ scope }) => {
  const visible = await scope;
  const estimate = await estimateExport({ scope: visible });
  const archive = await exportArchive(visible);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(archive.body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="omi-hub-export-${stamp}.zip"`,
      "cache-control": "no-store",
      // The exact size when every entry's size was known up front (lib/memories/account-data.ts).
      // Next.js (16.4) drops Content-Length from route handler responses, so the page reads
      // X-Export-Bytes; Content-Length stays for hosts and callers that keep it.
      ...(archive.length === null ? {} : { "content-length": String(archive.length), "x-export-bytes": String(archive.length) }),
      "x-export-memories": String(estimate.memories),
      "x-export-day-summaries": String(estimate.daySummaries),
      "x-export-recordings": String(estimate.recordings),
      "x-export-estimated-bytes": String(archive.length ?? estimate.estimatedBytes),
    },
  });
});

export const DELETE = route({ auth: "account", needs: "account", body: deleteDataSchema }, async ({ scope }) =>
  deleteDataResultSchema.parse({ deleted: await deleteAccountData({ scope: await scope }) }),
);
