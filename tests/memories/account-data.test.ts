import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { audioChunks, daySummaries, memories, omiLinks, recordings, users } from "@/db/schema";
import { DELETE, GET } from "@/app/api/v1/data/route";
import { createApiToken } from "@/lib/accounts/api-tokens";
import { exportArchive } from "@/lib/memories/account-data";
import { zipLength, zipStream, type ZipEntry } from "@/lib/memories/zip";
import { resetTables, useTestDb } from "@/tests/db";
import { seedMemory } from "./seed";
import { allTokenScopes } from "@/lib/auth/token-scopes";

useTestDb();

const ctx = { params: Promise.resolve({}) };

async function account(email: string, uid: string) {
  const [user] = await db.insert(users).values({ email }).returning({ id: users.id });
  await db.insert(omiLinks).values({ userId: user!.id, uid, status: "verified" });
  const { token } = await createApiToken({ userId: user!.id, name: "t", scopes: allTokenScopes });
  return { userId: user!.id, token, uid };
}

function unzip(zip: Buffer, ...args: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "export-"));
  const file = path.join(dir, "export.zip");
  writeFileSync(file, zip);
  return execFileSync("unzip", [...args, file], { encoding: "utf8" });
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("the ZIP writer", () => {
  it("writes exactly the length it predicts, with UTF-8 names and streamed entries a real unzip reads", async () => {
    const wav = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const entries: ZipEntry[] = [
      { name: "README.txt", date: new Date("2026-03-12T10:00:00Z"), data: "hello\n" },
      { name: "memories/café-🚀.md", date: new Date("2026-03-12T10:00:00Z"), data: new TextEncoder().encode("# Café 🚀\n") },
      { name: "audio/one.wav", date: new Date("2026-03-12T10:00:00Z"), size: wav.length, stream: () => new Blob([wav]).stream() },
    ];
    const zip = await bytesOf(zipStream(entries));
    expect(zipLength(entries)).toBe(zip.length);
    expect(unzip(zip, "-t")).toContain("No errors detected");
    expect(unzip(zip, "-l")).toContain("memories/café-🚀.md");
    const dir = mkdtempSync(path.join(tmpdir(), "export-"));
    writeFileSync(path.join(dir, "w.zip"), zip);
    expect(Buffer.compare(execFileSync("unzip", ["-p", path.join(dir, "w.zip"), "audio/one.wav"]), Buffer.from(wav))).toBe(0);
  });

  it("has no length to predict when a streamed entry's size is unknown", () => {
    expect(zipLength([{ name: "x", date: new Date(), stream: () => new Blob(["x"]).stream() }])).toBeNull();
  });
});

describe("export all and delete my data", () => {
  let alice: Awaited<ReturnType<typeof account>>;
  const pcm = new Uint8Array(32000).map((_, i) => i % 251);
  beforeEach(async () => {
    await resetTables();
    alice = await account("alice@example.test", "uid-a");
    await account("bob@example.test", "uid-b");
    await seedMemory({
      uid: "uid-a",
      title: "Café plan",
      segments: [{ text: "Ship it.", speakerName: "Alex" }],
      actionItems: [{ description: "Do it" }],
    });
    await seedMemory({ uid: "uid-b", title: "Bob secret" });
    await db
      .insert(daySummaries)
      .values({ uid: "uid-a", date: "2026-03-12", headline: "A day", content: { headline: "A day" }, raw: { summary_json: {} } });
    const [rec] = await db
      .insert(recordings)
      .values({
        uid: "uid-a",
        sampleRate: 16000,
        startedAt: new Date("2026-03-12T10:00:00Z"),
        lastChunkAt: new Date("2026-03-12T10:00:01Z"),
        byteLength: pcm.length,
        chunkCount: 2,
      })
      .returning({ id: recordings.id });
    await db.insert(audioChunks).values([
      { recordingId: rec!.id, uid: "uid-a", byteOffset: 0, byteLength: 16000, sampleRate: 16000, data: pcm.subarray(0, 16000) },
      { recordingId: rec!.id, uid: "uid-a", byteOffset: 16000, byteLength: 16000, sampleRate: 16000, data: pcm.subarray(16000) },
    ]);
  });

  it("streams a valid ZIP of memories (JSON + Markdown), day summaries and WAV audio, only the account's own", async () => {
    const res = await GET(new Request("http://hub.test/api/v1/data", { headers: { authorization: `Bearer ${alice.token}` } }), ctx);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("x-export-memories")).toBe("1");
    expect(Number(res.headers.get("x-export-estimated-bytes"))).toBeGreaterThan(32000);
    const zip = Buffer.from(await res.arrayBuffer());
    // The whole account fits the text buffer: the size is exact and sent up front.
    expect(Number(res.headers.get("content-length"))).toBe(zip.length);
    expect(Number(res.headers.get("x-export-bytes"))).toBe(zip.length);
    expect(Number(res.headers.get("x-export-estimated-bytes"))).toBe(zip.length);
    expect(unzip(zip, "-t")).toContain("No errors detected");
    const listing = unzip(zip, "-l");
    expect(listing).toMatch(/memories\/\d{4}-\d{2}-\d{2}-cafe-plan-[0-9a-f]{8}\.json/);
    expect(listing).toMatch(/memories\/.*cafe-plan.*\.md/);
    expect(listing).toMatch(/day-summaries\/2026-03-12-uid-a-.*\.json/);
    expect(listing).toMatch(/audio\/20260312-100000-[0-9a-f]{8}\.wav/);
    expect(listing).not.toContain("bob");
    const dir = mkdtempSync(path.join(tmpdir(), "export-"));
    writeFileSync(path.join(dir, "e.zip"), zip);
    const md = execFileSync("unzip", ["-p", path.join(dir, "e.zip"), "memories/*.md"], { encoding: "utf8" });
    expect(md).toContain("# 🧠 Café plan");
    expect(md).toContain("**Alex** [0:00]: Ship it.");
    // The WAV is the 44-byte header and the PCM bytes, in order.
    const audio = execFileSync("unzip", ["-p", path.join(dir, "e.zip"), "audio/*"]);
    expect(audio.length).toBe(44 + pcm.length);
    expect(audio.subarray(0, 4).toString("latin1")).toBe("RIFF");
    expect(Buffer.compare(audio.subarray(44), Buffer.from(pcm))).toBe(0);
  });

  it("past the text buffer it streams the rest as it reads it, with no length, and the archive is the same", async () => {
    const { scopeFor } = await import("@/lib/auth/scope");
    const scope = await scopeFor(alice.userId);
    const whole = await exportArchive(scope);
    const streamed = await exportArchive(scope, { maxBufferedText: 10 });
    expect(whole.length).not.toBeNull();
    expect(streamed.length).toBeNull();
    const [a, b] = [await bytesOf(whole.body), await bytesOf(streamed.body)];
    expect(unzip(b, "-t")).toContain("No errors detected");
    // Same entries in the same order (only the README's timestamp may differ).
    const names = (zip: Buffer) => unzip(zip, "-Z1").trim().split("\n");
    expect(names(b)).toEqual(names(a));
    expect(a.length).toBe(whole.length);
  });

  it("deletes the account's data after confirmation and leaves other accounts alone", async () => {
    const del = (body: unknown) =>
      DELETE(
        new Request("http://hub.test/api/v1/data", {
          method: "DELETE",
          headers: { authorization: `Bearer ${alice.token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        ctx,
      );
    expect((await del({})).status).toBe(422);
    const res = await del({ confirm: "DELETE" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ deleted: { memories: 1, daySummaries: 1, recordings: 1 } });
    const left = await db.select({ title: memories.title }).from(memories);
    expect(left.map((m) => m.title)).toEqual(["Bob secret"]);
    expect(await db.select().from(audioChunks)).toEqual([]);
    expect(await db.select({ id: users.id }).from(users)).toHaveLength(2);
  });
});
