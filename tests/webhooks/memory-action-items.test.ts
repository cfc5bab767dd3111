/**
 * Action items are upserted in one statement (lib/ingest/memory.ts): a description
 * Omi lists twice is stored once (its first occurrence, as normaliseMemory keeps), and
 * every item is present, in Omi's order.
 */
import { beforeAll, beforeEach, expect, it } from "vitest";
import { resetTables, useTestDb } from "../db";
import { database, fixtureJson, send, setWebhookEnv } from "./harness";

setWebhookEnv();
useTestDb();

let h: Awaited<ReturnType<typeof database>>;
beforeAll(async () => {
  h = await database();
});
beforeEach(() => resetTables());

it("stores a description listed twice once (the first), and the rest in order", async () => {
  const payload = fixtureJson<{ structured: { action_items: Record<string, unknown>[] } }>("memory-created.json");
  payload.structured.action_items = [
    { description: "Call the bank", completed: false },
    { description: "Send the deck", completed: false },
    { description: "Call the bank", completed: true },
    { description: "Water the plants", completed: true },
  ];
  const sent = await send("memory", { body: JSON.stringify(payload) });
  expect(sent.status).toBe(200);
  const items = (await h.db.select().from(h.actionItems)).sort((a, b) => a.idx - b.idx);
  expect(items.map((i) => [i.description, i.idx, i.completedOmi, i.present])).toEqual([
    ["Call the bank", 0, false, true],
    ["Send the deck", 1, false, true],
    ["Water the plants", 2, true, true],
  ]);
});

it("stores an action item whose description is far past a btree entry's limit, and updates it on a re-send", async () => {
  // What the hostile suite sent: ~300 KB that does not compress. Keyed by the text itself
  // it failed the whole delivery with SQLSTATE 54000 (a 503 that Omi would retry for ever).
  const random = (n: number) => Array.from({ length: n }, () => Math.random().toString(36).slice(2, 12)).join("");
  const long = random(30_000);
  const payload = fixtureJson<{ id: string; structured: { action_items: Record<string, unknown>[] } }>("memory-created.json");
  payload.structured.action_items = [
    { description: long, completed: false },
    { description: "Short one", completed: false },
  ];
  expect((await send("memory", { body: JSON.stringify(payload) })).status).toBe(200);
  payload.structured.action_items[0]!.completed = true;
  expect((await send("memory", { body: JSON.stringify(payload) })).status).toBe(200);
  const items = (await h.db.select().from(h.actionItems)).sort((a, b) => a.idx - b.idx);
  expect(items.map((i) => [i.description.length, i.completedOmi, i.present])).toEqual([
    [long.length, true, true],
    ["Short one".length, false, true],
  ]);
});
