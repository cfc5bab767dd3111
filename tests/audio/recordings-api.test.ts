/**
 * The recordings API end to end through the real route handlers: a WAV built from known
 * chunks is byte-exact, a table of Range requests answers exactly, other accounts get 404.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { recordingDetailSchema, recordingListSchema } from "@/lib/api/schemas/recordings";
import { pruneAudio } from "@/lib/audio/retention";
import { ingestAudioChunk } from "@/lib/ingest/audio";
import { useTestDb } from "@/tests/db";
import { createTestAccount } from "@/tests/isolation/accounts";
import type { TestAccount } from "@/tests/isolation/types";

useTestDb();

const SR = 16000;
const T0 = Date.parse("2026-11-21T14:05:00Z");

const list = () => import("@/app/api/v1/recordings/route").then((m) => m.GET);
const one = () => import("@/app/api/v1/recordings/[id]/route");
const audio = () => import("@/app/api/v1/recordings/[id]/audio/route").then((m) => m.GET);
const retention = () => import("@/app/api/v1/recordings/retention/route");

function req(path: string, account: TestAccount, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return new Request(`http://localhost${path}`, {
    ...init,
    headers: { authorization: `Bearer ${account.apiToken}`, ...init.headers },
  });
}
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

/** Chunks of uneven (even) sizes, 40 of them so reads cross several batches. */
const chunkSizes = Array.from({ length: 40 }, (_, i) => 200 + ((i * 137) % 900) * 2);
const chunks = chunkSizes.map((n, i) => Uint8Array.from({ length: n }, (_, j) => (i * 31 + j * 7) & 0xff));
const pcm = new Uint8Array(chunkSizes.reduce((a, b) => a + b, 0));
chunks.reduce((o, c) => (pcm.set(c, o), o + c.length), 0);

function expectedWav(): Uint8Array {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write("WAVEfmt ", 8, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SR, 24);
  header.writeUInt32LE(SR * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

let owner: TestAccount;
let other: TestAccount;
let recordingId: string;
let wav: Uint8Array;

beforeAll(async () => {
  owner = await createTestAccount();
  other = await createTestAccount();
  for (const [i, data] of chunks.entries()) {
    const r = await ingestAudioChunk(
      { uid: owner.uid, ownerUserId: owner.userId, receivedAt: new Date(T0 + i * 50) },
      { sampleRate: SR, pcm: data },
    );
    recordingId = r.stored!.recordingId as string;
  }
  wav = expectedWav();
});

async function bytes(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

describe("GET /api/v1/recordings/{id}/audio", () => {
  it("streams the whole WAV byte-exactly", async () => {
    const res = await (await audio())(req(`/api/v1/recordings/${recordingId}/audio`, owner), ctx(recordingId));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/wav");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-length")).toBe(String(wav.length));
    expect(Buffer.from(await bytes(res)).equals(Buffer.from(wav))).toBe(true);
  });

  const total = () => wav.length;
  const c0 = 44 + chunkSizes[0]!; // first byte of chunk 1 in the file
  const table: [string, () => [number, number]][] = [
    ["bytes=0-0", () => [0, 0]],
    ["bytes=0-43", () => [0, 43]],
    ["bytes=4-11", () => [4, 11]],
    ["bytes=40-60", () => [40, 60]],
    ["bytes=44-44", () => [44, 44]],
    [`bytes=${c0 - 3}-${c0 + 2}`, () => [c0 - 3, c0 + 2]],
    [`bytes=${c0}-${c0 + chunkSizes[1]! - 1}`, () => [c0, c0 + chunkSizes[1]! - 1]],
    ["bytes=100-", () => [100, total() - 1]],
    ["bytes=12345-", () => [12345, total() - 1]],
    ["bytes=-500", () => [total() - 500, total() - 1]],
    ["bytes=-1", () => [total() - 1, total() - 1]],
    ["bytes=10-99999999", () => [10, total() - 1]],
  ];

  it.each(table)("answers %s with exactly those bytes", async (range, bounds) => {
    const [start, end] = bounds();
    const res = await (await audio())(req(`/api/v1/recordings/${recordingId}/audio`, owner, { headers: { range } }), ctx(recordingId));
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${total()}`);
    expect(res.headers.get("content-length")).toBe(String(end - start + 1));
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await bytes(res)).equals(Buffer.from(wav.subarray(start, end + 1)))).toBe(true);
  });

  it.each(["bytes=999999999-", "bytes=-0"])("answers %s with 416 and the length", async (range) => {
    const res = await (await audio())(req(`/api/v1/recordings/${recordingId}/audio`, owner, { headers: { range } }), ctx(recordingId));
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe(`bytes */${wav.length}`);
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("range_not_satisfiable");
  });

  it("answers several ranges with the whole file", async () => {
    const res = await (
      await audio()
    )(req(`/api/v1/recordings/${recordingId}/audio`, owner, { headers: { range: "bytes=0-1,5-6" } }), ctx(recordingId));
    expect(res.status).toBe(200);
    expect((await bytes(res)).length).toBe(wav.length);
  });

  it("sends ?download=1 as an attachment named by date and time", async () => {
    const res = await (await audio())(req(`/api/v1/recordings/${recordingId}/audio?download=1&tz=Europe/Berlin`, owner), ctx(recordingId));
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="omi-2026-11-21-1505.wav"');
    await res.arrayBuffer();
  });

  it("is not found for another account, or an unknown id", async () => {
    const res = await (await audio())(req(`/api/v1/recordings/${recordingId}/audio`, other), ctx(recordingId));
    expect(res.status).toBe(404);
    const missing = await (await audio())(req(`/api/v1/recordings/nope/audio`, owner), ctx("nope"));
    expect(missing.status).toBe(404);
  });

  it("asks for a token without one", async () => {
    const res = await (await audio())(new Request(`http://localhost/api/v1/recordings/${recordingId}/audio`), ctx(recordingId));
    expect(res.status).toBe(401);
  });
});

describe("GET /api/v1/recordings and /{id}", () => {
  it("lists the owner's recording with its facts, and not to another account", async () => {
    const res = await (await list())(req("/api/v1/recordings", owner));
    const body = recordingListSchema.parse(await res.json());
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      id: recordingId,
      uid: owner.uid,
      sampleRate: SR,
      byteLength: pcm.length,
      durationSeconds: pcm.length / 2 / SR,
      gaps: [],
      startedAt: new Date(T0).toISOString(),
    });
    const theirs = recordingListSchema.parse(await (await (await list())(req("/api/v1/recordings", other))).json());
    expect(theirs.items).toEqual([]);
  });

  it("rejects a bad query with 422 and a bad cursor with 400", async () => {
    expect((await (await list())(req("/api/v1/recordings?limit=0", owner))).status).toBe(422);
    expect((await (await list())(req("/api/v1/recordings?from=yesterday", owner))).status).toBe(422);
    expect((await (await list())(req("/api/v1/recordings?cursor=xyz", owner))).status).toBe(400);
  });

  it("gives the detail with peaks, and 404 to another account", async () => {
    const { GET } = await one();
    const body = recordingDetailSchema.parse(await (await GET(req(`/api/v1/recordings/${recordingId}`, owner), ctx(recordingId))).json());
    expect(Buffer.from(body.peaks, "base64").length).toBe(Math.ceil(pcm.length / 2 / 1600));
    expect(body.peaksPerSecond).toBe(10);
    expect((await GET(req(`/api/v1/recordings/${recordingId}`, other), ctx(recordingId))).status).toBe(404);
  });
});

describe("retention and deletion", () => {
  it("stores the retention setting and validates it", async () => {
    const { GET, PATCH } = await retention();
    const patch = (body: unknown) =>
      PATCH(
        req("/api/v1/recordings/retention", owner, {
          method: "PATCH",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        }),
      );
    expect((await patch({ days: 0 })).status).toBe(422);
    expect(await (await patch({ days: 30 })).json()).toEqual({ days: 30 });
    expect(await (await GET(req("/api/v1/recordings/retention", owner))).json()).toEqual({ days: 30 });
    expect(await (await GET(req("/api/v1/recordings/retention", other))).json()).toEqual({ days: null });
  });

  it("prunes only audio older than the owner's setting", async () => {
    expect(await pruneAudio(new Date(T0 + 29 * 86_400_000))).toBe(0);
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from recordings`);
    expect(count?.n).toBe(1);
    // Another account's recording without a setting survives any age.
    await ingestAudioChunk(
      { uid: other.uid, ownerUserId: other.userId, receivedAt: new Date(T0) },
      { sampleRate: SR, pcm: new Uint8Array(64) },
    );
    expect(await pruneAudio(new Date(T0 + 31 * 86_400_000))).toBe(1);
    const left = await rows<{ owner_user_id: string }>(sql`select owner_user_id from recordings`);
    expect(left).toEqual([{ owner_user_id: other.userId }]);
  });

  it("deletes by hand: 404 for another account, then gone for the owner", async () => {
    const id = (await rows<{ id: string }>(sql`select id from recordings`))[0]!.id;
    const { DELETE, GET } = await one();
    expect((await DELETE(req(`/api/v1/recordings/${id}`, owner, { method: "DELETE" }), ctx(id))).status).toBe(404);
    const res = await DELETE(req(`/api/v1/recordings/${id}`, other, { method: "DELETE" }), ctx(id));
    expect(await res.json()).toEqual({ deleted: true });
    expect((await GET(req(`/api/v1/recordings/${id}`, other), ctx(id))).status).toBe(404);
    const [chunksLeft] = await rows<{ n: number }>(sql`select count(*)::int as n from audio_chunks`);
    expect(chunksLeft?.n).toBe(0);
  });
});
