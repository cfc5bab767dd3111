/**
 * A ZIP archive written as a stream, so "Export all my data" never holds an account in
 * memory: entries are pulled one at a time and written as they come. Store method (no
 * compression: the WAV audio that dominates an export does not compress, and it keeps
 * this small and fast), UTF-8 names, CRC-32 computed here (no package needed).
 *
 * Entries whose bytes are known up front get sizes and CRC in their local header;
 * streamed entries (audio) use a data descriptor after their bytes (flag bit 3), which
 * every mainstream unzipper reads from the central directory.
 *
 * Limit: no ZIP64, so the archive and each entry must stay under 4 GiB; the stream
 * fails with an error past that rather than write a corrupt file.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE), continuing from `crc` so it can run over a stream. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

export type ZipEntry =
  | { name: string; date: Date; data: Uint8Array | string }
  | { name: string; date: Date; stream: () => ReadableStream<Uint8Array> };

const MAX32 = 0xffffffff;
const encoder = new TextEncoder();

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, Math.min(2107, d.getUTCFullYear()));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

type Written = { name: Uint8Array; crc: number; size: number; offset: number; flags: number; time: number; date: number };

function localHeader(e: Omit<Written, "offset">): Uint8Array {
  const out = new Uint8Array(30 + e.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true); // version needed
  v.setUint16(6, e.flags, true);
  v.setUint16(8, 0, true); // store
  v.setUint16(10, e.time, true);
  v.setUint16(12, e.date, true);
  v.setUint32(14, e.crc, true);
  v.setUint32(18, e.size, true);
  v.setUint32(22, e.size, true);
  v.setUint16(26, e.name.length, true);
  v.setUint16(28, 0, true);
  out.set(e.name, 30);
  return out;
}

function dataDescriptor(crc: number, size: number): Uint8Array {
  const out = new Uint8Array(16);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x08074b50, true);
  v.setUint32(4, crc, true);
  v.setUint32(8, size, true);
  v.setUint32(12, size, true);
  return out;
}

function centralEntry(e: Written): Uint8Array {
  const out = new Uint8Array(46 + e.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, 20, true); // made by
  v.setUint16(6, 20, true); // needed
  v.setUint16(8, e.flags, true);
  v.setUint16(10, 0, true);
  v.setUint16(12, e.time, true);
  v.setUint16(14, e.date, true);
  v.setUint32(16, e.crc, true);
  v.setUint32(20, e.size, true);
  v.setUint32(24, e.size, true);
  v.setUint16(28, e.name.length, true);
  v.setUint32(42, e.offset, true);
  out.set(e.name, 46);
  return out;
}

function endOfCentralDirectory(count: number, size: number, offset: number): Uint8Array {
  const out = new Uint8Array(22);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, size, true);
  v.setUint32(16, offset, true);
  return out;
}

/** Yields the archive's bytes as the entries are pulled. */
export async function* zipChunks(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const written: Written[] = [];
  let offset = 0;
  const tooBig = () => new Error("Export larger than 4 GiB: ZIP64 is not supported; export audio separately");
  for await (const entry of entries) {
    if (written.length >= 0xffff) throw new Error("Export has more than 65,535 files: ZIP64 is not supported");
    const name = encoder.encode(entry.name);
    const { time, date } = dosDateTime(entry.date);
    if ("data" in entry) {
      const data = typeof entry.data === "string" ? encoder.encode(entry.data) : entry.data;
      const w: Written = { name, crc: crc32(data), size: data.length, offset, flags: 0x0800, time, date };
      const header = localHeader(w);
      if (offset + header.length + data.length > MAX32) throw tooBig();
      yield header;
      yield data;
      offset += header.length + data.length;
      written.push(w);
    } else {
      const w: Written = { name, crc: 0, size: 0, offset, flags: 0x0808, time, date };
      const header = localHeader(w);
      yield header;
      offset += header.length;
      const reader = entry.stream().getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          w.crc = crc32(value, w.crc);
          w.size += value.length;
          if (offset + value.length > MAX32) throw tooBig();
          offset += value.length;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
      const descriptor = dataDescriptor(w.crc, w.size);
      yield descriptor;
      offset += descriptor.length;
      written.push(w);
    }
  }
  const start = offset;
  let size = 0;
  for (const w of written) {
    const c = centralEntry(w);
    size += c.length;
    yield c;
  }
  if (start + size > MAX32) throw tooBig();
  yield endOfCentralDirectory(written.length, size, start);
}

/** The archive as a pull-based ReadableStream: nothing is produced faster than the client reads. */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const it = zipChunks(entries);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await it.next();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (err) {
          controller.error(err);
        }
      },
      async cancel() {
        await it.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
