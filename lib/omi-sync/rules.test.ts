/**
 * The pure rules of the Developer API sync: whose rows an import writes, when Omi's
 * content counts as changed, the per-key budget, "latest change wins" for action
 * items, and Omi's answers in words.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseMemory } from "@/lib/omi/memory-normalise";
import { memoryPayloadSchema } from "@/lib/omi/memory-schema";
import { reconcileItem, type HeldItem } from "./action-items";
import { hourlyBudget, spend } from "./budget";
import { devConversationSchema, errorFor, type DevConversation } from "./client";
import { contentHash } from "./content-hash";
import { mergeIntoHeld, toMemoryPayload } from "./map-conversation";
import { importOwner } from "./owner";

type Json = Record<string, unknown>;
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../tests/fixtures/omi", name), "utf8")) as Json;
const hashOf = (payload: unknown) => contentHash(normaliseMemory(memoryPayloadSchema.parse(payload)));

/** The same conversation as the Developer API returns it (its documented fields only). */
function asDeveloperApi(webhook: Json): DevConversation {
  const s = webhook.structured as Json;
  return devConversationSchema.parse({
    id: webhook.id,
    created_at: webhook.created_at,
    started_at: webhook.started_at,
    finished_at: webhook.finished_at,
    language: webhook.language,
    source: webhook.source,
    structured: {
      title: s.title,
      overview: s.overview,
      emoji: s.emoji,
      category: s.category,
      action_items: (s.action_items as Json[]).map(
        ({ description, completed, created_at, updated_at, due_at, completed_at, conversation_id }) => ({
          description,
          completed,
          created_at,
          updated_at,
          due_at,
          completed_at,
          conversation_id,
        }),
      ),
      events: s.events,
    },
    transcript_segments: (webhook.transcript_segments as Json[]).map(({ id, text, speaker_id, speaker_name, start, end }) => ({
      id,
      text,
      speaker_id,
      speaker_name,
      start,
      end,
    })),
    geolocation: null,
    folder_id: webhook.folder_id ?? null,
    folder_name: webhook.folder_name ?? null,
  });
}

describe("importOwner: the owner an imported conversation gets (the one the account's webhooks use)", () => {
  const base = { userId: "acct", appTokenConfigured: true, hasPersonalMemories: false };
  it.each([
    ["verified link, app token, no personal data: the app-token rows", { linkStatus: "verified" as const }, null],
    ["personal-token data for the uid: the account's rows", { linkStatus: "verified" as const, hasPersonalMemories: true }, "acct"],
    [
      "no app token: webhooks can only come through the personal token",
      { linkStatus: "verified" as const, appTokenConfigured: false },
      "acct",
    ],
    ["trusted link (first come): never the shared rows", { linkStatus: "trusted" as const }, "acct"],
    ["no link at all", { linkStatus: null }, "acct"],
  ])("%s", (_name, input, expected) => {
    expect(importOwner({ ...base, ...input })).toBe(expected);
  });
});

describe("content hash: Omi's content, whichever way it arrived", () => {
  const webhook = fixture("memory-created.json");
  const developer = asDeveloperApi(webhook);

  it("a developer webhook and the Developer API's copy of it are the same content", () => {
    expect(hashOf(toMemoryPayload(developer))).toBe(hashOf(webhook));
  });

  it("an edit in Omi (title, an action item ticked, a segment relabelled) is a change", () => {
    const s = developer.structured!;
    expect(hashOf(toMemoryPayload({ ...developer, structured: { ...s, title: "Renamed" } }))).not.toBe(hashOf(webhook));
    const ticked = s.action_items!.map((i, n) => (n === 0 ? { ...i, completed: true } : i));
    expect(hashOf(toMemoryPayload({ ...developer, structured: { ...s, action_items: ticked } }))).not.toBe(hashOf(webhook));
    const relabelled = developer.transcript_segments!.map((seg, n) => (n === 0 ? { ...seg, speaker_id: 7 } : seg));
    expect(hashOf(toMemoryPayload({ ...developer, transcript_segments: relabelled }))).not.toBe(hashOf(webhook));
  });

  it("merging keeps what only the webhook said (is_user, sections, app results) and converges", () => {
    const renamed = toMemoryPayload({ ...developer, structured: { ...developer.structured!, title: "Renamed" } });
    const merged = mergeIntoHeld(webhook, renamed);
    expect((merged.structured as Json).title).toBe("Renamed");
    expect((merged.structured as Json).sections).toEqual((webhook.structured as Json).sections);
    expect(merged.apps_results).toEqual(webhook.apps_results);
    expect((merged.transcript_segments as Json[]).map((s) => s.is_user)).toEqual(
      (webhook.transcript_segments as Json[]).map((s) => s.is_user),
    );
    expect(((merged.structured as Json).action_items as Json[])[0]!.capture_kind).toBe("direct_request");
    // Stored once, the same copy read again is no change.
    expect(hashOf(mergeIntoHeld(merged, renamed))).toBe(hashOf(merged));
  });

  it("a conversation read from a list is not discarded, and segments without is_user become non-user", () => {
    const payload = toMemoryPayload(developer);
    expect(payload.discarded).toBe(false);
    expect((payload.transcript_segments as Json[]).every((s) => s.is_user === false)).toBe(true);
    expect(memoryPayloadSchema.safeParse(payload).success).toBe(true);
  });
});

describe("budget: 80 % of Omi's hourly limits per bucket, and Retry-After", () => {
  const now = new Date("2026-12-01T09:10:00Z");
  it("counts calls per bucket and UTC hour, then says to wait for the next hour", () => {
    let budget = {};
    for (let i = 0; i < hourlyBudget("transcripts"); i++) {
      const r = spend(budget, ["conversations", "transcripts"], now);
      if (!("next" in r)) throw new Error("spent too early");
      budget = r.next;
    }
    expect(hourlyBudget("transcripts")).toBe(20);
    const over = spend(budget, ["conversations", "transcripts"], now);
    expect("wait" in over && over.wait).toMatchObject({ reason: "budget", until: new Date("2026-12-01T10:00:00Z") });
    // Other buckets are untouched; the next hour starts afresh.
    expect("next" in spend(budget, ["facts"], now)).toBe(true);
    expect("next" in spend(budget, ["transcripts"], new Date("2026-12-01T10:00:01Z"))).toBe(true);
  });

  it("after a 429, the bucket waits until Omi's Retry-After", () => {
    const budget = { blockedUntil: { conversations: "2026-12-01T09:10:30.000Z" } };
    const blocked = spend(budget, ["conversations"], now);
    expect("wait" in blocked && blocked.wait).toMatchObject({ reason: "rate_limited", until: new Date("2026-12-01T09:10:30Z") });
    const later = spend(budget, ["conversations"], new Date("2026-12-01T09:10:31Z"));
    expect("next" in later && later.next.blockedUntil).toBeUndefined();
  });
});

describe("action items: the latest change wins", () => {
  const t = (s: string) => new Date(`2026-12-01T${s}Z`);
  const held = (o: Partial<HeldItem> = {}): HeldItem => ({
    id: "i",
    completedOmi: false,
    completedLocal: null,
    completedLocalAt: null,
    omiUpdatedAt: t("09:00:00"),
    omiPush: null,
    omiPushError: null,
    ...o,
  });
  const now = t("12:00:00");

  it("Omi unchanged since last read: nothing happens", () => {
    expect(reconcileItem(held(), { id: "o", completed: true, updatedAt: t("09:00:00") }, now)).toMatchObject({
      changed: false,
      history: null,
    });
  });
  it("ticked in Omi: completed here, in the history", () => {
    const r = reconcileItem(held(), { id: "o", completed: true, updatedAt: t("10:00:00") }, now);
    expect(r).toMatchObject({
      changed: true,
      next: { completedOmi: true, omiId: "o" },
      history: { source: "omi", completed: true, note: "Completed in Omi" },
    });
  });
  it("a tick here older than Omi's change gives way", () => {
    const r = reconcileItem(
      held({ completedLocal: true, completedLocalAt: t("09:30:00"), omiPush: "pending" }),
      { id: "o", completed: false, updatedAt: t("10:00:00") },
      now,
    );
    expect(r.next).toMatchObject({ completedLocal: null, omiPush: null });
    expect(r.history?.note).toMatch(/Omi's wins/);
  });
  it("a tick here newer than Omi's change stands and is sent", () => {
    const r = reconcileItem(
      held({ completedLocal: true, completedLocalAt: t("10:30:00") }),
      { id: "o", completed: false, updatedAt: t("10:00:00") },
      now,
    );
    expect(r).toMatchObject({ changed: false, history: null, next: { completedLocal: true, omiPush: "pending" } });
  });
  it("Omi agrees with the tick here: the tick counts as sent", () => {
    const r = reconcileItem(
      held({ completedLocal: true, completedLocalAt: t("09:30:00"), omiPush: "pending" }),
      { id: "o", completed: true, updatedAt: t("10:00:00") },
      now,
    );
    expect(r).toMatchObject({ changed: false, next: { omiPush: "sent", completedOmi: true } });
  });
});

describe("Omi's answers in words", () => {
  it.each([
    [401, "Invalid API Key", /does not accept this key/],
    [401, "This is an MCP API key; …", /MCP key/],
    [403, "Insufficient permissions. Required scope: action_items:write", /action_items:write permission/],
    [
      403,
      { enabled: false, reason: "Memories are not shared with this app", consumer: "developer_api" },
      /not let this key read your facts \(Memories are not shared/,
    ],
    [402, "A paid plan is required", /paid plan/],
    [503, "Rate limiter unavailable", /not answering right now \(HTTP 503\)/],
  ])("%i %j", (status, detail, message) => {
    expect(errorFor(status, detail).message).toMatch(message);
  });
  it("429 keeps Retry-After", () => {
    const err = errorFor(429, "Rate limit exceeded. Try again in 42s.", new Headers({ "retry-after": "42" }));
    expect(err).toMatchObject({ kind: "rate_limited", extra: { retryAfterSeconds: 42 } });
    expect(err.message).toMatch(/trying again in 42 s/);
  });
});
