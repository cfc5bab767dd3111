/** Audio: recordings made by the real ingest, through the personal token and through the app token. */
import { ingestAudioChunk } from "@/lib/ingest/audio";
import type { IsolationCase, TestAccount } from "../types";

async function recordingOf(owner: TestAccount, via: "personal" | "app"): Promise<string> {
  const result = await ingestAudioChunk(
    { uid: owner.uid, ownerUserId: via === "personal" ? owner.userId : null, receivedAt: new Date() },
    { sampleRate: 16000, pcm: new Uint8Array(3200).fill(7) },
  );
  return result.stored!.recordingId as string;
}

const hasItem = (id: string) => (body: unknown) =>
  Array.isArray((body as { items?: unknown })?.items) && (body as { items: { id: string }[] }).items.some((i) => i.id === id);

const cases: IsolationCase[] = (["personal", "app"] as const).flatMap((via): IsolationCase[] => [
  {
    name: `GET /api/v1/recordings (${via} token audio)`,
    kind: "list",
    handler: () => import("@/app/api/v1/recordings/route").then((m) => m.GET),
    setup: async (owner) => ({ path: "/api/v1/recordings", contains: hasItem(await recordingOf(owner, via)) }),
  },
  {
    name: `GET /api/v1/recordings/{id} (${via} token audio)`,
    kind: "resource",
    handler: () => import("@/app/api/v1/recordings/[id]/route").then((m) => m.GET),
    setup: async (owner) => {
      const id = await recordingOf(owner, via);
      return { path: `/api/v1/recordings/${id}`, params: { id } };
    },
  },
  {
    name: `GET /api/v1/recordings/{id}/audio (${via} token audio)`,
    kind: "resource",
    handler: () => import("@/app/api/v1/recordings/[id]/audio/route").then((m) => m.GET),
    setup: async (owner) => {
      const id = await recordingOf(owner, via);
      return { path: `/api/v1/recordings/${id}/audio`, params: { id } };
    },
  },
  {
    name: `DELETE /api/v1/recordings/{id} (${via} token audio)`,
    kind: "resource",
    method: "DELETE",
    handler: () => import("@/app/api/v1/recordings/[id]/route").then((m) => m.DELETE),
    setup: async (owner) => {
      const id = await recordingOf(owner, via);
      return { path: `/api/v1/recordings/${id}`, params: { id } };
    },
  },
]);

export default cases;
