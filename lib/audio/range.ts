/**
 * The `Range` request header for one resource of `total` bytes (RFC 9110 §14).
 *
 * - No header, another unit, or a malformed value → the whole resource (200): the RFC
 *   lets a server ignore a Range it does not understand.
 * - Several ranges (`bytes=0-1,5-6`) → the whole resource (200) too: always a correct
 *   answer, and browsers' media elements only ever ask for one range.
 * - One satisfiable range → 206 with `start`/`end` (inclusive), the end clamped to the
 *   last byte; `bytes=100-` is open-ended, `bytes=-500` is the last 500 bytes (all of it
 *   when shorter).
 * - A first byte at or past the end, or `bytes=-0` → 416 with `Content-Range: bytes *\/total`.
 */
export type RangeAnswer = { kind: "full" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

const SPEC = /^(\d*)-(\d*)$/;

export function parseRange(header: string | null, total: number): RangeAnswer {
  if (!header) return { kind: "full" };
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return { kind: "full" };
  const specs = match[1]!.split(",").map((s) => s.trim());
  if (specs.length !== 1) return { kind: "full" };
  const spec = SPEC.exec(specs[0]!);
  if (!spec) return { kind: "full" };
  const [, first, last] = spec;
  if (first === "" && last === "") return { kind: "full" };
  if (first === "") {
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix)) return { kind: "full" };
    if (suffix === 0 || total === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, total - suffix), end: total - 1 };
  }
  const start = Number(first);
  const end = last === "" ? total - 1 : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { kind: "full" };
  if (last !== "" && end < start) return { kind: "full" };
  if (start >= total) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, total - 1) };
}
