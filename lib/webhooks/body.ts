/**
 * Reads a request body once, as bytes, refusing it (413) as soon as it passes the
 * limit: Content-Length is checked first, and the bytes are counted while reading, so
 * a sender that lies about (or omits) the length cannot make us buffer more.
 */
import { AppError } from "@/lib/api/errors";
import { formatBytes } from "@/lib/format";

export class BodyTooLarge extends AppError {
  constructor(
    limit: number,
    public readonly seenBytes: number,
  ) {
    super("payload_too_large", `The body is larger than the ${formatBytes(limit)} limit`, { limitBytes: limit });
  }
}

export async function readBodyCapped(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit, declared);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge(limit, total);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
