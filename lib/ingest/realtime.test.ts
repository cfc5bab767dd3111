import { readFileSync } from "node:fs";
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { resetTables, useTestDb } from "@/tests/db";

useTestDb();

const UID = "Xq7nP2vLm9RzT4kB8wYc3JdF1aH6";
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../tests/fixtures/omi/${name}`, import.meta.url), "utf8")) as unknown;

async function ingest(body: unknown, receivedAt = new Date(), uid = UID, ownerUserId: string | null = null) {
  const { ingestRealtime } = await import("./realtime");
  const { realtimePayloadSchema } = await import("@/lib/omi/realtime-schema");
  const payload = realtimePayloadSchema.parse(body);
  return ingestRealtime({ uid, ownerUserId, receivedAt }, payload);
}

async function segments() {
  const { db } = await import("@/db/client");
  const { transcriptSegments } = await import("@/db/schema");
  return db.select().from(transcriptSegments).orderBy(asc(transcriptSegments.seq));
}

const seg = (over: Record<string, unknown>) => ({ text: "hello", is_user: false, start: 0, end: 1, ...over });

beforeEach(async () => {
  await resetTables();
});

describe("realtimePayloadSchema", () => {
  it("accepts both fixtures and keeps unknown fields", async () => {
    const { realtimePayloadSchema } = await import("@/lib/omi/realtime-schema");
    const p = realtimePayloadSchema.parse(fixture("realtime-batch-1.json"));
    expect(p.segments).toHaveLength(2);
    expect(p.segments[0]!.speaker_identity_status).toBe("user");
    const q = realtimePayloadSchema.parse({ segments: [{ ...seg({}), brand_new_field: 1 }] });
    expect((q.segments[0] as Record<string, unknown>).brand_new_field).toBe(1);
  });

  it("reads a bare array of segments (legacy senders) as {segments}", async () => {
    const { realtimePayloadSchema } = await import("@/lib/omi/realtime-schema");
    const legacy = realtimePayloadSchema.parse([seg({ id: "a" }), seg({ id: "b", text: "there" })]);
    expect(legacy.segments.map((s) => s.text)).toEqual(["hello", "there"]);
    expect(legacy.session_id).toBeUndefined();
    // A bare array is still checked segment by segment.
    const bad = realtimePayloadSchema.safeParse([{ text: "x", start: 0, end: 1 }]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["segments", 0, "is_user"]);
  });

  it("refuses segments missing guaranteed fields", async () => {
    const { realtimePayloadSchema } = await import("@/lib/omi/realtime-schema");
    expect(realtimePayloadSchema.safeParse({ segments: [{ text: "x", start: 0, end: 1 }] }).success).toBe(false);
  });
});

describe("ingestRealtime", () => {
  it("stores new segments with consecutive sequence numbers in one session", async () => {
    await ingest(fixture("realtime-batch-1.json"));
    await ingest(fixture("realtime-batch-2.json"));
    const all = await segments();
    expect(all.map((s) => s.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set(all.map((s) => s.sessionId)).size).toBe(1);
    expect(all[3]!.text).toContain("締め切り");
    expect(all[0]!.speakerId).toBe(0);
    expect(all[0]!.start).toBe(0);
    expect(all[1]!.end).toBe(4.91);
  });

  it("replaces a re-sent longer copy in place with a new sequence number", async () => {
    await ingest({ segments: [seg({ id: "a", text: "Hello" }), seg({ id: "b", text: "Two" })] });
    const r = await ingest({ segments: [seg({ id: "a", text: "Hello there" })] });
    expect(r.stored).toMatchObject({ grown: 1, added: 0 });
    const all = await segments();
    expect(all.map((s) => [s.segmentId, s.text, s.seq])).toEqual([
      ["b", "Two", 2],
      ["a", "Hello there", 3],
    ]);
  });

  it("ignores a re-sent copy with the same or shorter text: no sequence bump, no notice", async () => {
    const { db } = await import("@/db/client");
    const { liveStreams } = await import("@/db/schema");
    await ingest({ segments: [seg({ id: "a", text: "Hello there" })] });
    const r = await ingest({ segments: [seg({ id: "a", text: "Hello there" }), seg({ id: "a", text: "Hello" })] });
    expect(r.stored).toEqual({ segments: 0 });
    const [stream] = await db.select().from(liveStreams);
    expect(stream!.seq).toBe(1);
    expect((await segments())[0]!.text).toBe("Hello there");
  });

  it("derives a stable key for segments without an id, so a longer copy replaces the first", async () => {
    await ingest({ segments: [seg({ text: "I think", start: 4.5, speaker: "SPEAKER_01" })] });
    await ingest({ segments: [seg({ text: "I think we should", start: 4.5, speaker: "SPEAKER_01" })] });
    await ingest({ segments: [seg({ text: "Other", start: 4.5, speaker: "SPEAKER_02" })] });
    const all = await segments();
    expect(all.map((s) => s.text)).toEqual(["I think we should", "Other"]);
    expect(all[0]!.segmentId).toMatch(/^derived:/);
    expect(all[0]!.speakerId).toBe(1);
  });

  it("starts a new session after a gap longer than LIVE_SESSION_GAP_MINUTES (5)", async () => {
    const { db } = await import("@/db/client");
    const { liveSessions } = await import("@/db/schema");
    const t0 = new Date("2026-03-01T10:00:00Z");
    await ingest({ segments: [seg({ id: "a", start: 0 })] }, t0);
    await ingest({ segments: [seg({ id: "b", start: 1 })] }, new Date(t0.getTime() + 4 * 60_000));
    await ingest({ segments: [seg({ id: "c", start: 0 })] }, new Date(t0.getTime() + 10 * 60_000));
    // without ids, start 0 in the new session must not collide with start 0 in the old one
    await ingest({ segments: [seg({ text: "x", start: 0 })] }, new Date(t0.getTime() + 30 * 60_000));
    await ingest({ segments: [seg({ text: "y", start: 0 })] }, new Date(t0.getTime() + 60 * 60_000));
    const sessions = await db.select().from(liveSessions).orderBy(asc(liveSessions.startedAt));
    expect(sessions.map((s) => s.segmentCount)).toEqual([2, 1, 1, 1]);
    expect(sessions[0]!.lastSegmentAt.toISOString()).toBe("2026-03-01T10:04:00.000Z");
    const all = await segments();
    expect(all.map((s) => s.text)).toEqual(["hello", "hello", "hello", "x", "y"]);
    expect(all[2]!.start).toBe(0);
  });

  it("keeps personal-token and app-token streams apart for the same uid", async () => {
    const { db } = await import("@/db/client");
    const { users, liveStreams } = await import("@/db/schema");
    await db.insert(users).values({ id: "u1", email: "u1@example.com" });
    await ingest({ segments: [seg({ id: "a", text: "app" })] });
    await ingest({ segments: [seg({ id: "a", text: "personal" })] }, new Date(), UID, "u1");
    const streams = await db.select().from(liveStreams);
    expect(streams).toHaveLength(2);
    expect((await segments()).map((s) => s.text).sort()).toEqual(["app", "personal"]);
    const mine = await db.select().from(liveStreams).where(eq(liveStreams.ownerUserId, "u1"));
    expect(mine[0]!.seq).toBe(1);
  });
});

describe("linkSessionsToMemory", () => {
  it("ties the session holding the memory's segment ids to the memory", async () => {
    const { db } = await import("@/db/client");
    const { liveSessions, memories } = await import("@/db/schema");
    const { linkSessionsToMemory } = await import("@/lib/live/sessions");
    await ingest(fixture("realtime-batch-1.json"));
    await db.insert(memories).values({ id: "m1", uid: UID, omiId: "c1", raw: {} });
    const r = await db.transaction((tx) =>
      linkSessionsToMemory({
        tx,
        uid: UID,
        ownerUserId: null,
        memoryId: "m1",
        segmentIds: ["2c8d4e6f-a1b3-4c5d-9e7f-0a1b2c3d4e5f", null],
      }),
    );
    expect(r.linked).toBe(1);
    const [s] = await db.select().from(liveSessions);
    expect(s!.memoryId).toBe("m1");
    // another owner's segments with the same ids are not touched
    const other = await linkSessionsToMemory({
      tx: db,
      uid: UID,
      ownerUserId: "nobody",
      memoryId: "m1",
      segmentIds: ["2c8d4e6f-a1b3-4c5d-9e7f-0a1b2c3d4e5f"],
    });
    expect(other.linked).toBe(0);
  });
});
