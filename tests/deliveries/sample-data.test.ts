/**
 * "Send sample data" through the real webhook path: every part is answered 200 and
 * fills memories, the live transcript (with the re-sent longer segment), audio, day
 * summaries and button events under the account's sample uid; sending again upserts
 * rather than duplicating. Here no server listens on the origin, so the loopback
 * request falls back to the in-process handler (the e2e test covers real HTTP).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../db";
import type { TestAccount } from "../isolation/types";

useTestDb();

let owner: TestAccount;
beforeAll(async () => {
  const { createTestAccount } = await import("../isolation/accounts");
  owner = await createTestAccount();
});

const parts = ["realtime", "memory", "audio", "day-summary", "button"] as const;

async function sendAll() {
  const { sendSamplePart } = await import("@/lib/sample-data/send");
  const results = [];
  for (const part of parts)
    results.push(await sendSamplePart({ userId: owner.userId, origin: "http://127.0.0.1:9", part, timeZone: "Europe/Berlin" }));
  return results;
}

async function counts() {
  const { db } = await import("@/db/client");
  const s = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const id = owner.userId;
  const [memories, segments, recordings, chunks, days, buttons, sessions] = await Promise.all([
    db.select().from(s.memories).where(eq(s.memories.ownerUserId, id)),
    db.select().from(s.transcriptSegments).where(eq(s.transcriptSegments.ownerUserId, id)),
    db.select().from(s.recordings).where(eq(s.recordings.ownerUserId, id)),
    db.select({ id: s.audioChunks.id }).from(s.audioChunks).where(eq(s.audioChunks.ownerUserId, id)),
    db.select().from(s.daySummaries).where(eq(s.daySummaries.ownerUserId, id)),
    db.select().from(s.buttonEvents).where(eq(s.buttonEvents.ownerUserId, id)),
    db.select().from(s.liveSessions).where(eq(s.liveSessions.ownerUserId, id)),
  ]);
  return { memories, segments, recordings, chunks, days, buttons, sessions };
}

describe("send sample data", () => {
  it("fills every kind of data under the sample uid, all answered 200 and logged", async () => {
    const results = await sendAll();
    for (const r of results) {
      expect(r.ok, `${r.part}: ${JSON.stringify(r.requests)}`).toBe(true);
      expect(r.uid).toMatch(/^sample-[0-9a-f]{10}$/);
    }
    expect(results.find((r) => r.part === "realtime")!.requests).toHaveLength(6);
    expect(results.find((r) => r.part === "audio")!.requests).toHaveLength(10);

    const c = await counts();
    expect(c.memories).toHaveLength(1);
    expect(c.memories[0]).toMatchObject({ title: "Sample: planning the week", uid: results[0]!.uid, actionItemCount: 3 });
    expect(c.segments).toHaveLength(10);
    expect(c.segments.some((s) => s.text === "And the audio recording works? I'd like to hear how it sounds.")).toBe(true);
    expect(c.sessions).toHaveLength(1);
    expect(c.sessions[0]!.memoryId).toBe(c.memories[0]!.id);
    expect(c.recordings).toHaveLength(1);
    expect(c.recordings[0]!.byteLength).toBe(10 * 16000 * 2);
    expect(c.chunks).toHaveLength(10);
    expect(c.days).toHaveLength(2);
    expect(c.days.every((d) => d.fromLegacy === false)).toBe(true);
    expect(c.buttons).toHaveLength(1);

    const { listDeliveries } = await import("@/lib/deliveries/queries");
    const { deliveryViewerFor } = await import("@/lib/deliveries/access");
    const { deliveryListQuerySchema } = await import("@/lib/api/schemas/deliveries");
    const list = await listDeliveries({
      viewer: await deliveryViewerFor({ id: owner.userId }),
      query: deliveryListQuerySchema.parse({ limit: "100" }),
    });
    expect(list.items).toHaveLength(6 + 1 + 10 + 2 + 1);
    expect(list.items.every((d) => d.status === 200 && d.auth === "personal")).toBe(true);
  });

  it("sending again updates the same memory, segments and day summaries", async () => {
    await sendAll();
    const c = await counts();
    expect(c.memories).toHaveLength(1);
    expect(c.memories[0]!.revisions).toBe(2);
    expect(c.segments).toHaveLength(10);
    expect(c.days).toHaveLength(2);
  });

  it("the legacy summary string is Python's str() of summary_json", async () => {
    const { sampleRequests } = await import("@/lib/sample-data/bodies");
    const { parsePythonLiteral } = await import("@/lib/omi/python-literal");
    for (const r of sampleRequests({ part: "day-summary", userId: "u1" })) {
      const body = JSON.parse(r.body as string) as { summary: string; summary_json: unknown };
      expect(parsePythonLiteral(body.summary)).toEqual(body.summary_json);
    }
  });
});
