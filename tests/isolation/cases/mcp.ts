/**
 * /api/mcp: every tool that takes an id or lists data, called as a JSON-RPC tools/call.
 * A tool answers 200 with a tool result, so "not found" is that result's error (see
 * `outcome` in ../types.ts), and a list is the result's items.
 */
import { randomUUID } from "node:crypto";
import { getMemory } from "@/lib/memories/queries";
import { sendDaySummary } from "@/tests/day-summaries/seed";
import { seedMemory } from "@/tests/memories/seed";
import type { IsolationCase, IsolationRequest, TestAccount } from "../types";

const handler = () => import("@/app/api/mcp/route").then((m) => m.POST);
const headers = { accept: "application/json, text/event-stream" };

type RpcAnswer = {
  result?: {
    isError?: boolean;
    content?: { text?: string }[];
    structuredContent?: { items?: { id?: string }[] } & Record<string, unknown>;
  };
  error?: { message?: string };
};

const toolCall = (name: string, args: Record<string, unknown>) => ({
  jsonrpc: "2.0",
  id: 1,
  method: "tools/call",
  params: { name, arguments: args },
});

/** A tool call on one of the owner's ids: the owner's answer is no error, another account's is "… not found". */
function resource(name: string, args: Record<string, unknown>): IsolationRequest {
  return {
    path: "/api/mcp",
    headers,
    body: toolCall(name, args),
    outcome: (body) => {
      const r = (body as RpcAnswer).result;
      if (!r) return "other";
      if (!r.isError) return "found";
      return /not found/.test(r.content?.[0]?.text ?? "") ? "not_found" : "other";
    },
  };
}

/** A tool call that lists: does the answer hold `id`? */
function list(name: string, args: Record<string, unknown>, has: (content: Record<string, unknown>) => boolean): IsolationRequest {
  return {
    path: "/api/mcp",
    headers,
    body: toolCall(name, args),
    contains: (body) => {
      const r = (body as RpcAnswer).result;
      return !!r && !r.isError && !!r.structuredContent && has(r.structuredContent);
    },
  };
}
const hasId = (id: string) => (content: Record<string, unknown>) => ((content.items ?? []) as { id?: string }[]).some((i) => i.id === id);

async function ownMemory(owner: TestAccount) {
  const word = `zq${randomUUID().slice(0, 8)}`;
  const id = await seedMemory({
    uid: owner.uid,
    title: "Isolation",
    segments: [{ text: `only the owner said ${word}` }],
    actionItems: [{ description: "task" }],
  });
  const memory = await getMemory({ scope: { userId: owner.userId, uids: [owner.uid] }, id });
  return { id, word, actionItemId: memory!.actionItems[0]!.id };
}

/** A live session and a recording through the owner's personal webhook URLs. */
async function ownLiveAndAudio(owner: TestAccount): Promise<{ sessionId: string; recordingId: string }> {
  const realtime = await import("@/app/api/webhooks/realtime/[token]/route");
  const audio = await import("@/app/api/webhooks/audio/[token]/route");
  const ctx = { params: Promise.resolve({ token: owner.webhookToken }) };
  const a = await audio.POST(
    new Request(`http://localhost/api/webhooks/audio/${owner.webhookToken}?sample_rate=16000&uid=${owner.uid}`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array(3200),
    }),
    ctx,
  );
  const r = await realtime.POST(
    new Request(`http://localhost/api/webhooks/realtime/${owner.webhookToken}?uid=${owner.uid}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        session_id: owner.uid,
        segments: [{ id: `seg-${owner.uid}`, text: "isolation line", is_user: true, start: 0, end: 1 }],
      }),
    }),
    ctx,
  );
  if (a.status !== 200 || r.status !== 200) throw new Error(`webhooks answered ${a.status}, ${r.status}`);
  const { listSessions } = await import("@/lib/live/queries");
  const { listRecordings } = await import("@/lib/audio/queries");
  const scope = { userId: owner.userId, uids: [owner.uid] };
  const [session] = await listSessions({ scope });
  const { items } = await listRecordings({ scope, limit: 1 });
  return { sessionId: session!.id, recordingId: items[0]!.id };
}

const cases: IsolationCase[] = [
  {
    name: "POST /api/mcp tools/call get_memory",
    kind: "resource",
    method: "POST",
    handler,
    setup: async (owner) => resource("get_memory", { id: (await ownMemory(owner)).id }),
  },
  {
    name: "POST /api/mcp tools/call complete_action_item",
    kind: "resource",
    method: "POST",
    handler,
    setup: async (owner) => resource("complete_action_item", { id: (await ownMemory(owner)).actionItemId }),
  },
  {
    name: "POST /api/mcp tools/call get_day_summary",
    kind: "resource",
    method: "POST",
    handler,
    setup: async (owner) => {
      await sendDaySummary({ token: owner.webhookToken, uid: owner.uid, date: "2024-03-09" });
      return resource("get_day_summary", { date: "2024-03-09" });
    },
  },
  {
    name: "POST /api/mcp tools/call get_live_transcript (past session)",
    kind: "resource",
    method: "POST",
    handler,
    setup: async (owner) => resource("get_live_transcript", { session_id: (await ownLiveAndAudio(owner)).sessionId }),
  },
  {
    name: "POST /api/mcp resources/read omi-hub://memories/{id}",
    kind: "resource",
    method: "POST",
    handler,
    setup: async (owner) => {
      const { id } = await ownMemory(owner);
      return {
        path: "/api/mcp",
        headers,
        body: { jsonrpc: "2.0", id: 1, method: "resources/read", params: { uri: `omi-hub://memories/${id}` } },
        outcome: (body) => {
          const answer = body as RpcAnswer & { result?: { contents?: unknown[] } };
          if (answer.result?.contents?.length) return "found";
          return /not found/.test(answer.error?.message ?? "") ? "not_found" : "other";
        },
      };
    },
  },
  {
    name: "POST /api/mcp tools/call search_memories (transcript word)",
    kind: "list",
    method: "POST",
    handler,
    setup: async (owner) => {
      const { id, word } = await ownMemory(owner);
      return list("search_memories", { query: word }, hasId(id));
    },
  },
  {
    name: "POST /api/mcp tools/call list_action_items",
    kind: "list",
    method: "POST",
    handler,
    setup: async (owner) => list("list_action_items", { status: "all" }, hasId((await ownMemory(owner)).actionItemId)),
  },
  {
    name: "POST /api/mcp tools/call get_live_transcript (current session)",
    kind: "list",
    method: "POST",
    handler,
    setup: async (owner) => {
      const { sessionId } = await ownLiveAndAudio(owner);
      return list("get_live_transcript", {}, (c) => (c.session as { id?: string } | null)?.id === sessionId);
    },
  },
  {
    name: "POST /api/mcp tools/call list_recordings",
    kind: "list",
    method: "POST",
    handler,
    setup: async (owner) => list("list_recordings", {}, hasId((await ownLiveAndAudio(owner)).recordingId)),
  },
];

export default cases;
