/**
 * Live transcript reads. GET /api/v1/live/stream is covered by lib/live/live.test.ts
 * (an open-ended event stream cannot be read to its end by this runner).
 */
import { ingestRealtime } from "@/lib/ingest/realtime";
import { listSessions } from "@/lib/live/queries";
import { scopeFor } from "@/lib/auth/scope";
import type { IsolationCase, TestAccount } from "../types";

/** One app-token delivery for the owner's verified uid (the path a link, not a token, opens). */
async function ownSession(owner: TestAccount): Promise<{ sessionId: string; segmentText: string }> {
  const segmentText = `isolation line for ${owner.uid}`;
  await ingestRealtime(
    { uid: owner.uid, ownerUserId: null, receivedAt: new Date() },
    { segments: [{ id: `seg-${owner.uid}`, text: segmentText, is_user: true, start: 0, end: 1 }] },
  );
  const [session] = await listSessions({ scope: await scopeFor(owner.userId) });
  if (!session) throw new Error("no session after ingest");
  return { sessionId: session.id, segmentText };
}

const items = (body: unknown) => ((body as { items?: unknown[] })?.items ?? []) as Record<string, unknown>[];

const cases: IsolationCase[] = [
  {
    name: "GET /api/v1/live/sessions",
    kind: "list",
    handler: () => import("@/app/api/v1/live/sessions/route").then((m) => m.GET),
    setup: async (owner) => {
      const { sessionId } = await ownSession(owner);
      return { path: "/api/v1/live/sessions", contains: (body) => items(body).some((s) => s.id === sessionId) };
    },
  },
  {
    name: "GET /api/v1/live/segments",
    kind: "list",
    handler: () => import("@/app/api/v1/live/segments/route").then((m) => m.GET),
    setup: async (owner) => {
      const { segmentText } = await ownSession(owner);
      return { path: "/api/v1/live/segments?after=0", contains: (body) => items(body).some((s) => s.text === segmentText) };
    },
  },
  {
    name: "GET /api/v1/live/segments?sessionId={id}",
    kind: "resource",
    handler: () => import("@/app/api/v1/live/segments/route").then((m) => m.GET),
    setup: async (owner) => {
      const { sessionId } = await ownSession(owner);
      return { path: `/api/v1/live/segments?sessionId=${sessionId}` };
    },
  },
];

export default cases;
