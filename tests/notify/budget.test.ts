/**
 * Each delivery has one time budget for all of its rules: rules still unjudged when the
 * deadline passes are skipped, with one log line for the delivery.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestDb } from "@/tests/db";
import { makeAccount, segment } from "./helpers";

process.env.LOG_LEVEL = "warn";
useTestDb();
afterEach(() => vi.restoreAllMocks());

async function keywordRules(userId: string, n: number) {
  const { createRule } = await import("@/lib/notify/queries");
  const { ruleBody } = await import("@/lib/api/schemas/notifications");
  for (let i = 0; i < n; i++) {
    await createRule({
      userId,
      body: ruleBody.parse({
        name: `Rule ${i}`,
        trigger: { kind: "keyword", keywords: ["budget"], via: "api" },
        scopes: ["transcript"],
        template: `r${i}`,
      }),
    });
  }
}

async function judge(uid: string, userId: string, deadline: number) {
  const { db } = await import("@/db/client");
  const { onRealtimeSegments } = await import("@/lib/notify/engine");
  const segments = [{ segmentKey: `k-${deadline}`, text: segment("s", "the budget again").text }];
  return db.transaction((tx) => onRealtimeSegments({ tx, uid, ownerUserId: userId, segments, receivedAt: new Date(), deadline }));
}

async function queuedFor(uid: string) {
  const { db } = await import("@/db/client");
  const { notifications } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  return db.select().from(notifications).where(eq(notifications.uid, uid));
}

describe("the rule-time budget of a delivery", () => {
  it("skips every rule left when it has run out, and says so once", async () => {
    const a = await makeAccount();
    await keywordRules(a.userId, 3);
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    expect(await judge(a.uid, a.userId, Date.now() - 1)).toEqual({});
    expect(await queuedFor(a.uid)).toEqual([]);
    const skipped = lines.filter((l) => l.includes("rule time ran out"));
    expect(skipped).toHaveLength(1);
    expect(JSON.parse(skipped[0]!)).toMatchObject({ level: "warn", event: "realtime", skipped: 3, budgetMs: 500 });
  });

  it("judges every rule while time is left", async () => {
    const a = await makeAccount();
    await keywordRules(a.userId, 3);
    const { ruleDeadline } = await import("@/lib/notify/engine");
    await judge(a.uid, a.userId, ruleDeadline());
    expect((await queuedFor(a.uid)).map((n) => n.message).sort()).toEqual(["r0", "r1", "r2"]);
  });
});
