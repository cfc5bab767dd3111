/**
 * A recording's WAV (44-byte header + its chunks in byte order), or one byte range of
 * it, as a pull-based stream: chunks are read from the database a batch at a time, only
 * when the client has taken the previous batch, so memory stays flat however long the
 * recording is. Byte positions here are positions in the WAV file.
 */
import { readChunks } from "./queries";
import { WAV_HEADER_BYTES, wavHeader } from "./wav";

/** Chunks per database read: ~0.5–4 MB with Omi's 1–4 s requests. The first read takes one, so a seek answers at once. */
const BATCH = 16;

export function wavStream(args: {
  recordingId: string;
  sampleRate: number;
  /** PCM bytes in the recording when the request started (later chunks are not sent). */
  dataBytes: number;
  /** First and last WAV byte to send (inclusive). */
  start: number;
  end: number;
}): ReadableStream<Uint8Array> {
  const { recordingId, sampleRate, dataBytes, start, end } = args;
  // PCM bytes still to send: [next, stop).
  let next = Math.max(0, start - WAV_HEADER_BYTES);
  const stop = Math.min(dataBytes, end + 1 - WAV_HEADER_BYTES);
  let headerPending = start < WAV_HEADER_BYTES;
  let cancelled = false;
  let reads = 0;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (headerPending) {
          headerPending = false;
          controller.enqueue(wavHeader(sampleRate, dataBytes).slice(start, Math.min(end + 1, WAV_HEADER_BYTES)));
          if (next >= stop) controller.close();
          return;
        }
        if (next >= stop) {
          controller.close();
          return;
        }
        const chunks = await readChunks({ recordingId, from: next, to: stop, limit: reads++ === 0 ? 1 : BATCH });
        if (cancelled) return;
        for (const chunk of chunks) {
          const chunkEnd = chunk.byteOffset + chunk.data.length;
          if (chunkEnd <= next) continue;
          if (chunk.byteOffset > next) {
            // Chunks are contiguous by construction; a hole means they were deleted mid-stream.
            controller.error(new Error(`recording ${recordingId}: no audio at byte ${next}`));
            return;
          }
          const from = next - chunk.byteOffset;
          const to = Math.min(chunk.data.length, stop - chunk.byteOffset);
          controller.enqueue(chunk.data.subarray(from, to));
          next = chunk.byteOffset + to;
          if (next >= stop) break;
        }
        if (chunks.length === 0) {
          controller.error(new Error(`recording ${recordingId}: audio ends before byte ${next}`));
          return;
        }
        if (next >= stop) controller.close();
      },
      cancel() {
        cancelled = true;
      },
    },
    // One batch at a time: pull() runs again only after the consumer has drained it.
    { highWaterMark: 0 },
  );
}
