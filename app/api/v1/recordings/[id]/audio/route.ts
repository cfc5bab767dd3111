import { z } from "zod";
import { AppError, notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { getRecording } from "@/lib/audio/queries";
import { downloadName } from "@/lib/audio/names";
import { parseRange } from "@/lib/audio/range";
import { wavStream } from "@/lib/audio/stream";
import { WAV_HEADER_BYTES } from "@/lib/audio/wav";

export const runtime = "nodejs";
/** Long recordings stream for a while on slow links (seconds; Vercel caps it by plan). */
export const maxDuration = 300;

const query = z.object({
  download: z.enum(["1", "true", "0", "false", ""]).optional(),
  /** IANA time zone for the download's file name (the viewer's); UTC when absent or unknown. */
  tz: z.string().max(64).optional(),
});

/**
 * GET /api/v1/recordings/{id}/audio[?download=1]: the recording as audio/wav, streamed
 * from its chunks. One byte range is answered with 206; several ranges get the whole
 * file (200); see lib/audio/range.ts.
 */
export const GET = route({ auth: "account", needs: "read", params: idParams, query }, async ({ req, params, query, scope }) => {
  const recording = await getRecording({ scope: await scope, id: params.id });
  if (!recording) throw notFound("Recording");
  const total = WAV_HEADER_BYTES + recording.byteLength;
  const headers = new Headers({
    "content-type": "audio/wav",
    "accept-ranges": "bytes",
    "cache-control": "private, no-cache",
    etag: `"${recording.id}-${recording.byteLength}"`,
  });
  if (query.download === "1" || query.download === "true") {
    headers.set("content-disposition", `attachment; filename="${downloadName(new Date(recording.startedAt), query.tz)}"`);
  }

  // If-Range: a range of a grown recording would splice two versions; send it whole.
  const ifRange = req.headers.get("if-range");
  const range = ifRange && ifRange !== headers.get("etag") ? { kind: "full" as const } : parseRange(req.headers.get("range"), total);
  if (range.kind === "unsatisfiable") {
    throw new AppError("range_not_satisfiable", `The recording is ${total} bytes long`, undefined, {
      "content-range": `bytes */${total}`,
      "accept-ranges": "bytes",
    });
  }
  const [start, end] = range.kind === "partial" ? [range.start, range.end] : [0, total - 1];
  headers.set("content-length", String(end - start + 1));
  if (range.kind === "partial") headers.set("content-range", `bytes ${start}-${end}/${total}`);
  const body =
    req.method === "HEAD"
      ? null
      : wavStream({ recordingId: recording.id, sampleRate: recording.sampleRate, dataBytes: recording.byteLength, start, end });
  return new Response(body, { status: range.kind === "partial" ? 206 : 200, headers });
});

export const HEAD = GET;
