/**
 * One bounded step of a sync job: at most one Developer API call (within the key's
 * budget) and the writes it leads to. The runner (./runner.ts) saves what a step
 * returns; a step that fails changes nothing it cannot redo, so a crash, a restart or
 * a 429 simply repeats it (storing is idempotent).
 *
 * Phases (the job's `phase`):
 *  count          import only: find about how many conversations Omi holds, for the
 *                 progress bar, by probing offsets (100 per call, no transcripts:
 *                 doubling until a page is empty, then halving the gap, about
 *                 2·log2(n/100) calls) instead of reading everything twice.
 *  conversations  pages of 25 with transcripts, created_at newest first, up to the
 *                 job's fixed end (new conversations then cannot shift the offsets).
 *                 A page can be short while more exist (Omi drops locked rows after
 *                 reading a page): only an empty page ends it. A reconcile reads only
 *                 its window and records what it had to add (./findings.ts).
 *  action_items   every action item (Omi returns nothing past row 2000 of a query, so
 *                 the list is read in slices ending at the oldest created_at seen),
 *                 then the ticks made here that still wait to go to Omi.
 *  facts          Omi's facts, 1000 per call; then the ones Omi stopped listing.
 */
import type { OmiDevKey, OmiSyncJob } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import type { SyncCounts } from "@/lib/api/schemas/omi-sync";
import { parseOmiTimestamp } from "@/lib/omi/timestamps";
import { applyOmiActionItems, nextPendingTick, pushTick } from "./action-items";
import { withinBudget } from "./budget";
import { listActionItems, listConversations, listFacts, OmiDevApiError } from "./client";
import { markAbsentFacts, storeFacts } from "./facts";
import { recordMissing } from "./findings";
import { toMemoryPayload } from "./map-conversation";
import { storeImportedMemory } from "./store";

export const pageSizes = { count: 100, conversations: 25, actionItems: 1000, facts: 1000 } as const;
/** Omi answers nothing past row 2000 of one action-item query. */
export const actionItemCap = 2000;
/** A reconcile leaves conversations finished in the last minutes to their webhook, which may be on its way. */
export const reconcileGraceMs = 10 * 60_000;

export type Phase = OmiSyncJob["phase"];
export type Cursor = {
  /** Offsets probed 100 at a time: `lo` had rows (`loRows`), `hi` had none. */
  count?: { probe: number; lo: number; loRows: number; hi: number | null };
  conversations?: { offset: number };
  /** Slices of Omi's list (ending at `endDate`), then `pushing` the ticks made here, `pushed` so far. */
  actionItems?: { endDate: string; offset: number; oldest: string | null; pushing: boolean; pushed: string[] };
  facts?: { offset: number; startedAt: string };
};

export type StepInput = { job: OmiSyncJob; key: OmiDevKey; secret: string; now: Date };
export type StepResult = {
  phase: Phase;
  cursor: Cursor;
  counts?: Partial<SyncCounts>;
  totalConversations?: number | null;
  notes?: string[];
};

/**
 * The order of the phases. An import needs the conversations before their action items
 * can be matched. A reconcile reads the action items first: re-storing a conversation
 * Omi changed also refreshes its items' completion, and the item sweep must see Omi's
 * change first to put it in the item's history and weigh it against a tick made here.
 */
const phaseOrder: Record<OmiSyncJob["kind"], Phase[]> = {
  import: ["count", "conversations", "action-items", "facts", "done"],
  reconcile: ["action-items", "conversations", "facts", "done"],
};

/** The phase after this one, with its cursor at its start. */
function nextPhase({ job, now }: Pick<StepInput, "job" | "now">, cursor: Cursor): Pick<StepResult, "phase" | "cursor"> {
  const order = phaseOrder[job.kind];
  const phase = order[order.indexOf(job.phase) + 1] ?? "done";
  const start: Cursor = {
    conversations: { offset: 0 },
    actionItems: { endDate: job.windowEnd.toISOString(), offset: 0, oldest: null, pushing: false, pushed: [] },
    facts: { offset: 0, startedAt: now.toISOString() },
  };
  const key = ({ conversations: "conversations", "action-items": "actionItems", facts: "facts" } as const)[
    phase as "conversations" | "action-items" | "facts"
  ];
  return { phase, cursor: key ? { ...cursor, [key]: start[key] } : cursor };
}

export async function runStep(input: StepInput): Promise<StepResult> {
  switch (input.job.phase) {
    case "count":
      return countStep(input);
    case "conversations":
      return conversationsStep(input);
    case "action-items":
      return optional(input, "action items", actionItemsStep);
    case "facts":
      return optional(input, "facts", factsStep);
    case "done":
      return { phase: "done", cursor: input.job.cursor as Cursor };
  }
}

/** Action items and facts are extras: a key without the permission still imports conversations. */
async function optional(input: StepInput, what: string, step: (i: StepInput) => Promise<StepResult>): Promise<StepResult> {
  try {
    return await step(input);
  } catch (err) {
    if (!(err instanceof OmiDevApiError && err.kind === "forbidden")) throw err;
    return {
      ...nextPhase(input, input.job.cursor as Cursor),
      counts: { calls: 1 },
      notes: [`Omi's ${what} were not read: ${err.message}`],
    };
  }
}

const window = (job: OmiSyncJob) => ({ startDate: job.windowStart?.toISOString(), endDate: job.windowEnd.toISOString() });

async function countStep({ job, key, secret, now }: StepInput): Promise<StepResult> {
  const cursor = job.cursor as Cursor;
  const c = cursor.count ?? { probe: 0, lo: -1, loRows: 0, hi: null };
  const size = pageSizes.count;
  const page = await withinBudget(key.id, ["conversations"], () =>
    listConversations(secret, { limit: size, offset: c.probe, includeTranscript: false, ...window(job) }),
  );
  // Any row means more may exist (a page is short when Omi drops locked rows); only an empty page is past the end.
  const [lo, loRows, hi] = page.received > 0 ? [c.probe, page.received, c.hi] : [c.lo, c.loRows, c.probe];
  if (hi !== null && hi - lo <= size) {
    return {
      ...nextPhase({ job, now }, { ...cursor, count: undefined }),
      counts: { calls: 1 },
      totalConversations: lo < 0 ? 0 : lo + loRows,
    };
  }
  const probe = hi === null ? Math.max(size, lo * 2) : lo + Math.floor((hi - lo) / (2 * size)) * size;
  return { phase: "count", cursor: { ...cursor, count: { probe, lo, loRows, hi } }, counts: { calls: 1 } };
}

async function conversationsStep({ job, key, secret, now }: StepInput): Promise<StepResult> {
  const cursor = job.cursor as Cursor;
  const offset = cursor.conversations?.offset ?? 0;
  const size = pageSizes.conversations;
  const page = await withinBudget(key.id, ["conversations", "transcripts"], () =>
    listConversations(secret, { limit: size, offset, includeTranscript: true, ...window(job) }),
  );
  const counts: Partial<SyncCounts> & { conversationsRead: number } = {
    calls: 1,
    conversationsRead: 0,
    conversationsSkipped: page.malformed,
  };
  if (page.received === 0) {
    const read = (job.counts.conversationsRead as number | undefined) ?? 0;
    return {
      ...nextPhase({ job, now }, cursor),
      counts,
      // What was actually there (locked rows make the first count a little high or low).
      totalConversations: read,
    };
  }
  for (const conversation of page.items) {
    if (job.kind === "reconcile") {
      const finished = parseOmiTimestamp(conversation.finished_at) ?? parseOmiTimestamp(conversation.created_at);
      if (finished && now.getTime() - finished.getTime() < reconcileGraceMs) continue;
    }
    counts.conversationsRead++;
    let stored;
    try {
      stored = await storeImportedMemory({ userId: key.userId, uid: key.uid, payload: toMemoryPayload(conversation), receivedAt: now });
    } catch (err) {
      // A conversation our schema refuses is skipped (and counted), not the whole import.
      if (err instanceof AppError && err.code === "validation_failed") {
        counts.conversationsSkipped = (counts.conversationsSkipped ?? 0) + 1;
        continue;
      }
      throw err;
    }
    if (stored.created) counts.conversationsCreated = (counts.conversationsCreated ?? 0) + 1;
    else if (stored.changed) counts.conversationsUpdated = (counts.conversationsUpdated ?? 0) + 1;
    if (stored.created && job.kind === "reconcile") {
      const added = await recordMissing({
        userId: key.userId,
        uid: key.uid,
        jobId: job.id,
        memoryId: stored.memoryId,
        omiId: conversation.id,
        title: conversation.structured?.title ?? "",
        omiCreatedAt: conversation.created_at,
      });
      if (added) counts.missing = (counts.missing ?? 0) + 1;
    }
  }
  return { phase: "conversations", cursor: { ...cursor, conversations: { offset: offset + size } }, counts };
}

async function actionItemsStep({ job, key, secret, now }: StepInput): Promise<StepResult> {
  const cursor = job.cursor as Cursor;
  const c = cursor.actionItems ?? { endDate: job.windowEnd.toISOString(), offset: 0, oldest: null, pushed: [], pushing: false };
  const pushing: StepResult = { phase: "action-items", cursor: { ...cursor, actionItems: { ...c, pushing: true } } };

  // After Omi's items are read (so a later change made in Omi has already won), the ticks
  // made here that still wait go to Omi: one per step.
  if (c.pushing) {
    const pending = await nextPendingTick(key, c.pushed);
    if (!pending) return nextPhase({ job, now }, cursor);
    await pushTick({ userId: key.userId, itemId: pending, fromJob: true });
    return {
      phase: "action-items",
      cursor: { ...cursor, actionItems: { ...c, pushed: [...c.pushed, pending].slice(-500) } },
      counts: { ticksSent: 1, calls: 1 },
    };
  }

  const limit = Math.min(pageSizes.actionItems, actionItemCap - c.offset);
  const page = await withinBudget(key.id, ["action_items"], () => listActionItems(secret, { limit, offset: c.offset, endDate: c.endDate }));
  const counts: Partial<SyncCounts> = { calls: 1, actionItemsRead: page.items.length };
  if (page.received === 0) return { ...pushing, counts };

  const applied = await applyOmiActionItems({ key, items: page.items, now });
  counts.actionItemsMatched = applied.matched;
  counts.actionItemsChanged = applied.changed;
  let oldest = c.oldest;
  for (const item of page.items) {
    const at = parseOmiTimestamp(item.created_at);
    if (at && item.created_at && (!oldest || at < parseOmiTimestamp(oldest)!)) oldest = item.created_at;
  }
  if (c.offset + limit < actionItemCap) {
    return { phase: "action-items", cursor: { ...cursor, actionItems: { ...c, offset: c.offset + limit, oldest } }, counts };
  }
  // Row 2000 reached: the next slice ends at the oldest item seen (inclusive; the ones at that instant are read again, harmlessly).
  if (!oldest || oldest === c.endDate) return { ...pushing, counts };
  return { phase: "action-items", cursor: { ...cursor, actionItems: { ...c, endDate: oldest, offset: 0, oldest: null } }, counts };
}

async function factsStep({ job, key, secret, now }: StepInput): Promise<StepResult> {
  const cursor = job.cursor as Cursor;
  const c = cursor.facts ?? { offset: 0, startedAt: now.toISOString() };
  const page = await withinBudget(key.id, ["facts"], () => listFacts(secret, { limit: pageSizes.facts, offset: c.offset }));
  if (page.received === 0) {
    await markAbsentFacts({ userId: key.userId, uid: key.uid, sweepStartedAt: new Date(c.startedAt) });
    return { phase: "done", cursor, counts: { calls: 1 } };
  }
  const stored = await storeFacts({ userId: key.userId, uid: key.uid, facts: page.items, seenAt: now });
  return {
    phase: "facts",
    cursor: { ...cursor, facts: { ...c, offset: c.offset + pageSizes.facts } },
    counts: { calls: 1, factsRead: stored },
  };
}
