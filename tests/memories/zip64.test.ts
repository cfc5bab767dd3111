/**
 * An export past 4 GiB is a valid ZIP64: a generated 4 GiB + 1 MiB entry, between two
 * small ones (so the last one starts past 4 GiB too), goes through the export writer into
 * a file that Debian's `unzip -t` checks byte for byte (every CRC) and Python's zipfile
 * reads. It writes and reads 4.3 GB, so it runs only when asked:
 *
 *   ZIP64_TEST=1 npx vitest run tests/memories/zip64.test.ts
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { describe, expect, it } from "vitest";
import { zipLength, zipStream, type ZipEntry } from "@/lib/memories/zip";

const MiB = 1024 * 1024;
const BIG = 4 * 1024 * MiB + MiB;

/** `size` bytes of a fixed 1 MiB pattern, produced as they are pulled. */
function generated(size: number): ReadableStream<Uint8Array> {
  const pattern = new Uint8Array(MiB).map((_, i) => (i * 31 + (i >> 8)) % 251);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(MiB, size - sent);
      controller.enqueue(n === MiB ? pattern : pattern.subarray(0, n));
      sent += n;
    },
  });
}

describe.skipIf(!process.env.ZIP64_TEST)("ZIP64", () => {
  it("a 4 GiB + 1 MiB entry streams into an archive unzip and Python's zipfile accept", { timeout: 30 * 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zip64-"));
    const file = path.join(dir, "big.zip");
    const date = new Date("2026-03-12T10:00:00Z");
    const entries: ZipEntry[] = [
      { name: "before.txt", date, data: "before\n" },
      { name: "audio/big.wav", date, size: BIG, stream: () => generated(BIG) },
      { name: "after.txt", date, data: "after the 4 GiB mark\n" },
    ];
    try {
      const started = Date.now();
      await pipeline(Readable.fromWeb(zipStream(entries) as NodeReadableStream<Uint8Array>), createWriteStream(file));
      const written = Date.now();
      expect(statSync(file).size).toBe(zipLength(entries));
      expect(statSync(file).size).toBeGreaterThan(BIG);

      expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toContain("No errors detected");
      expect(execFileSync("unzip", ["-p", file, "after.txt"], { encoding: "utf8" })).toBe("after the 4 GiB mark\n");
      const tested = Date.now();

      const python = `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(" ".join(f"{i.filename}={i.file_size}@{i.header_offset}" for i in z.infolist()))
print(z.read("after.txt").decode(), end="")`;
      const [listing, after] = execFileSync("python3", ["-c", python, file], { encoding: "utf8" }).split("\n");
      const sizes = Object.fromEntries(listing!.split(" ").map((item) => [item.split("=")[0], Number(item.split("=")[1]!.split("@")[0])]));
      expect(sizes).toEqual({ "before.txt": 7, "audio/big.wav": BIG, "after.txt": 21 });
      expect(Number(listing!.split("after.txt=21@")[1])).toBeGreaterThan(2 ** 32);
      expect(after).toBe("after the 4 GiB mark");
      console.log(
        `ZIP64: wrote ${statSync(file).size} bytes in ${((written - started) / 1000).toFixed(1)} s, unzip -t in ${((tested - written) / 1000).toFixed(1)} s, Python in ${((Date.now() - tested) / 1000).toFixed(1)} s`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
