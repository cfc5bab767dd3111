import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { actionItems, omiLinks, users } from "@/db/schema";
import { memoryListQuerySchema } from "@/lib/api/schemas/memories";
import { scopeFor, type Scope } from "@/lib/auth/scope";
import { resetTables, useTestDb } from "@/tests/db";
import { seedMemory } from "@/tests/memories/seed";
import { listActionItems, setActionItemCompleted } from "./action-items";
import { getMemory, listMemories } from "./queries";

useTestDb();

const q = (input: Record<string, string | number> = {}) => memoryListQuerySchema.parse(input);

async function account(email: string, linkedUid?: string): Promise<Scope> {
  const [user] = await db.insert(users).values({ email }).returning({ id: users.id });
  if (linkedUid) await db.insert(omiLinks).values({ userId: user!.id, uid: linkedUid, status: "verified" });
  return scopeFor(user!.id);
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe("listMemories", () => {
  let alice: Scope;
  let bob: Scope;
  beforeEach(async () => {
    await resetTables();
    alice = await account("alice@example.test", "uid-alice");
    bob = await account("bob@example.test");
  });

  it("shows own personal-token rows and app-token rows of linked uids, newest first, and nothing of others", async () => {
    const own = await seedMemory({ uid: "uid-personal", ownerUserId: alice.userId, title: "own", startedAt: minutesAgo(10) });
    const linked = await seedMemory({ uid: "uid-alice", title: "linked", startedAt: minutesAgo(5) });
    await seedMemory({ uid: "uid-alice", ownerUserId: bob.userId, title: "bob's token, alice's uid", startedAt: minutesAgo(1) });
    await seedMemory({ uid: "uid-other", title: "unlinked", startedAt: minutesAgo(2) });

    const page = await listMemories({ scope: alice, query: q() });
    expect(page.items.map((m) => m.id)).toEqual([linked, own]);
    expect(page.nextCursor).toBeNull();
    const bobs = await listMemories({ scope: bob, query: q() });
    expect(bobs.items.map((m) => m.title)).toEqual(["bob's token, alice's uid"]);
  });

  it("pages by cursor without duplicates or gaps, including rows with the same start time", async () => {
    const same = minutesAgo(30);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      ids.push(
        await seedMemory({
          uid: i % 2 ? "uid-alice" : "uid-personal",
          ownerUserId: i % 2 ? null : alice.userId,
          title: `m${i}`,
          startedAt: i < 8 ? same : minutesAgo(100 + i),
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listMemories({ scope: alice, query: q({ limit: 5, ...(cursor ? { cursor } : {}) }) });
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    expect([...seen].sort()).toEqual([...ids].sort());
    // Newest first throughout.
    const all = await listMemories({ scope: alice, query: q({ limit: 100 }) });
    expect(all.items.map((m) => m.id)).toEqual(seen);
    const times = all.items.map((m) => Date.parse(m.listedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by category, date range and discarded", async () => {
    await seedMemory({ uid: "uid-alice", title: "work old", category: "work", startedAt: new Date("2026-01-05T10:00:00Z") });
    await seedMemory({ uid: "uid-alice", title: "work new", category: "work", startedAt: new Date("2026-02-05T10:00:00Z") });
    await seedMemory({ uid: "uid-alice", title: "personal", category: "personal", startedAt: new Date("2026-02-06T10:00:00Z") });
    await seedMemory({ uid: "uid-alice", title: "noise", discarded: true, startedAt: new Date("2026-02-07T10:00:00Z") });

    const titles = async (input: Record<string, string>) =>
      (await listMemories({ scope: alice, query: q(input) })).items.map((m) => m.title);
    expect(await titles({ category: "work" })).toEqual(["work new", "work old"]);
    expect(await titles({ from: "2026-02-01", to: "2026-02-06" })).toEqual(["personal", "work new"]);
    expect(await titles({ to: "2026-01-05" })).toEqual(["work old"]);
    expect(await titles({})).not.toContain("noise");
    expect(await titles({ discarded: "true" })).toContain("noise");
  });

  it("refuses a tampered cursor with a 400", async () => {
    await expect(listMemories({ scope: alice, query: q({ cursor: "not-a-cursor" }) })).rejects.toMatchObject({ status: 400 });
    const forged = Buffer.from(JSON.stringify({ k: "l", t: "2026-01-01'; drop table memories; --", id: "x" })).toString("base64url");
    await expect(listMemories({ scope: alice, query: q({ cursor: forged }) })).rejects.toMatchObject({ status: 400 });
  });
});

describe("search", () => {
  let alice: Scope;
  beforeEach(async () => {
    await resetTables();
    alice = await account("alice@example.test", "uid-alice");
    await account("bob@example.test", "uid-bob");
  });

  it("finds a word that occurs only in one transcript, with the word marked in the snippet", async () => {
    const hit = await seedMemory({
      uid: "uid-alice",
      title: "Standup",
      overview: "Weekly sync",
      segments: [{ text: "We talked about the roadmap." }, { text: "Then the zeppelin <b>arrived</b> early." }],
    });
    await seedMemory({ uid: "uid-alice", title: "Lunch", segments: [{ text: "The soup was cold." }] });
    await seedMemory({ uid: "uid-bob", title: "Bob's zeppelin", segments: [{ text: "zeppelin zeppelin" }] });

    const page = await listMemories({ scope: alice, query: q({ q: "zeppelin" }) });
    expect(page.items.map((m) => m.id)).toEqual([hit]);
    const parts = page.items[0]!.snippet;
    expect(parts.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(["zeppelin"]);
    // Plain text parts only (ts_headline drops tag-like tokens; nothing is ever interpreted as HTML).
    expect(parts.map((p) => p.text).join("")).toMatch(/zeppelin\s+arrived/i);
    expect(page.items[0]!.rank).toBeGreaterThan(0);
  });

  it("ranks a title match above a passing transcript mention and pages by rank", async () => {
    const passing = await seedMemory({
      uid: "uid-alice",
      title: "Groceries",
      segments: [{ text: "buy milk and also think about budget later" }],
    });
    const titled = await seedMemory({
      uid: "uid-alice",
      title: "Budget review",
      overview: "The budget for Q3",
      segments: [{ text: "budget budget" }],
    });
    const first = await listMemories({ scope: alice, query: q({ q: "budget", limit: 1 }) });
    expect(first.items.map((m) => m.id)).toEqual([titled]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listMemories({ scope: alice, query: q({ q: "budget", limit: 1, cursor: first.nextCursor! }) });
    expect(second.items.map((m) => m.id)).toEqual([passing]);
    expect(second.nextCursor).toBeNull();
    // A search cursor is tied to its query.
    await expect(listMemories({ scope: alice, query: q({ q: "milk", cursor: first.nextCursor! }) })).rejects.toMatchObject({ status: 400 });
  });

  it("understands web search syntax and survives odd input", async () => {
    await seedMemory({ uid: "uid-alice", title: "Alpha beta", segments: [{ text: "gamma delta" }] });
    await seedMemory({ uid: "uid-alice", title: "Alpha only" });
    const titles = async (term: string) => (await listMemories({ scope: alice, query: q({ q: term }) })).items.map((m) => m.title);
    expect(await titles("alpha -gamma")).toEqual(["Alpha only"]);
    expect(await titles('"gamma delta"')).toEqual(["Alpha beta"]);
    expect(await titles("!!! :: &|")).toEqual([]);
    expect(await titles("ALPHA")).toHaveLength(2);
  });

  it("tells phrases (ranked over fewer candidates) from word searches", async () => {
    const { hasPhrase } = await import("./queries");
    for (const phrase of ['"team meeting"', 'budget "the plan"', "e-mail", "o'clock", '"São Paulo"'])
      expect(hasPhrase(phrase), phrase).toBe(true);
    for (const words of ["team meeting", '"team"', "budget -review", "r12345 or zebra", '""']) expect(hasPhrase(words), words).toBe(false);
  });
});

describe("getMemory and action items", () => {
  let alice: Scope;
  let bob: Scope;
  beforeEach(async () => {
    await resetTables();
    alice = await account("alice@example.test", "uid-alice");
    bob = await account("bob@example.test");
  });

  it("returns transcript, action items, payload extras and the raw payload; another account gets null", async () => {
    const raw = {
      id: "omi-1",
      structured: {
        title: "T",
        sections: [{ heading: "Plan", body_markdown: "- **one**" }],
        events: [{ title: "Review", start: "2026-03-17T15:00:00+00:00", duration: 30 }],
      },
      photos: [
        { id: "p1", base64: "aGVsbG8=", content_type: "image/png", description: "a chart" },
        { id: "p2", base64: "aGVsbG8=", content_type: "text/html", description: "not an image" },
      ],
      calendar_event: { title: "Sync", html_link: "javascript:alert(1)", attendees: ["A"] },
    };
    const id = await seedMemory({
      uid: "uid-alice",
      title: "T",
      raw,
      segments: [
        { text: "hi", speakerId: 0, isUser: true },
        { text: "hello", speakerId: 1, speakerName: "Priya" },
      ],
      actionItems: [{ description: "Send the deck" }, { description: "Book room", completed: true }],
    });
    const m = await getMemory({ scope: alice, id });
    expect(m?.transcriptSegments.map((s) => s.text)).toEqual(["hi", "hello"]);
    expect(m?.transcriptSegments[1]?.speakerName).toBe("Priya");
    expect(m?.actionItems.map((a) => [a.description, a.completed])).toEqual([
      ["Send the deck", false],
      ["Book room", true],
    ]);
    expect(m?.sections).toEqual([{ heading: "Plan", bodyMarkdown: "- **one**" }]);
    expect(m?.events[0]).toMatchObject({ title: "Review", durationMinutes: 30 });
    expect(m?.photos.map((p) => p.id)).toEqual(["p1"]);
    expect(m?.calendarEvent).toMatchObject({ title: "Sync", htmlLink: null });
    expect(m?.omi).toEqual(raw);
    expect(await getMemory({ scope: bob, id })).toBeNull();
    expect(await getMemory({ scope: alice, id: "missing" })).toBeNull();
  });

  it("ticks an item for its owner only; the tick wins over Omi's value", async () => {
    const id = await seedMemory({ uid: "uid-alice", title: "T", actionItems: [{ description: "A" }, { description: "B" }] });
    const m = await getMemory({ scope: alice, id });
    const itemId = m!.actionItems[0]!.id;
    expect(await setActionItemCompleted({ scope: bob, id: itemId, completed: true })).toBeNull();
    const ticked = await setActionItemCompleted({ scope: alice, id: itemId, completed: true });
    expect(ticked).toMatchObject({ completed: true, completedLocal: true, completedOmi: false });
    // Omi re-sending the memory updates completed_omi only (what the ingest does): the tick stays.
    await db.update(actionItems).set({ completedOmi: false }).where(eq(actionItems.id, itemId));
    const again = await getMemory({ scope: alice, id });
    expect(again!.actionItems[0]).toMatchObject({ completed: true });

    const open = await listActionItems({ scope: alice, status: "open", limit: 10 });
    expect(open.items.map((i) => i.description)).toEqual(["B"]);
    expect(open.items[0]!.memory).toMatchObject({ id, title: "T" });
    const done = await listActionItems({ scope: alice, status: "completed", limit: 10 });
    expect(done.items.map((i) => i.description)).toEqual(["A"]);
    expect((await listActionItems({ scope: bob, status: "all", limit: 10 })).items).toEqual([]);
  });

  it("pages action items across memories", async () => {
    for (let i = 0; i < 4; i++) {
      await seedMemory({
        uid: "uid-alice",
        title: `m${i}`,
        startedAt: minutesAgo(i),
        actionItems: [{ description: `a${i}` }, { description: `b${i}` }],
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listActionItems({ scope: alice, status: "all", limit: 3, cursor });
      seen.push(...page.items.map((i) => i.description));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["a0", "b0", "a1", "b1", "a2", "b2", "a3", "b3"]);
  });

  it("pages action items merged from both visibility branches, in order, and none of others", async () => {
    for (let i = 0; i < 6; i++) {
      // Alternately through alice's own token and as app-token rows of her linked uid; bob's in between.
      await seedMemory({
        uid: i % 2 ? "uid-alice" : "uid-personal",
        ownerUserId: i % 2 ? null : alice.userId,
        title: `m${i}`,
        startedAt: minutesAgo(i),
        actionItems: [{ description: `a${i}` }, { description: `b${i}` }],
      });
      await seedMemory({
        uid: "uid-bob",
        ownerUserId: bob.userId,
        title: `bob${i}`,
        startedAt: minutesAgo(i + 0.5),
        actionItems: [{ description: `bob${i}` }],
      });
    }
    for (const limit of [1, 2, 3, 5]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listActionItems({ scope: alice, status: "all", limit, cursor });
        seen.push(...page.items.map((i) => i.description));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen, `limit ${limit}`).toEqual(["a0", "b0", "a1", "b1", "a2", "b2", "a3", "b3", "a4", "b4", "a5", "b5"]);
    }
  });
});
