/**
 * The export's ZIP writer, on client-zip: entries are pulled one at a time and written as
 * they come, so "Export all my data" never holds the whole archive in memory. No
 * compression (the WAV audio that dominates an export does not compress), UTF-8 names,
 * and ZIP64 as soon as an entry or the archive passes 4 GiB.
 *
 * An entry is bytes (`data`) or a stream opened only when the writer reaches it
 * (`stream`, with its `size` when known). When every entry's size is known up front,
 * zipLength() gives the archive's exact length for a Content-Length header.
 */
import { makeZip, predictLength } from "client-zip";

export type ZipEntry =
  | { name: string; date: Date; data: Uint8Array | string }
  | { name: string; date: Date; size?: number; stream: () => ReadableStream<Uint8Array> };

type Input = { name: string; lastModified: Date; input: Uint8Array | string | ReadableStream<Uint8Array>; size?: number };

async function* inputs(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Input> {
  for await (const e of entries) {
    if ("data" in e) yield { name: e.name, lastModified: e.date, input: e.data };
    else yield { name: e.name, lastModified: e.date, input: e.stream(), ...(e.size === undefined ? {} : { size: e.size }) };
  }
}

/** The archive as a pull-based stream: nothing is produced faster than the client reads. */
export function zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): ReadableStream<Uint8Array> {
  return makeZip(inputs(entries), { buffersAreUTF8: true });
}

/** The exact byte length zipStream() writes for these entries, in this order; null when a streamed entry has no size. */
export function zipLength(entries: readonly ZipEntry[]): number | null {
  if (entries.some((e) => "stream" in e && e.size === undefined)) return null;
  const metadata = entries.map((e) => ("data" in e ? { name: e.name, input: e.data } : { name: e.name, size: e.size! }));
  return Number(predictLength(metadata));
}
