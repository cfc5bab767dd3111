/**
 * Helpers for the Developer API sync tests: the fake Omi's /__fake/dev controls, an
 * account with a verified link (through the real code flow against the fake), and a
 * local HTTP server in front of the real webhook route handlers for the simulator.
 * Everything that reads env or the database is imported lazily (the test file sets
 * env first, in vi.hoisted).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebhookEvent } from "@/lib/constants";
import type { FakeOmi } from "@/scripts/fake-omi/server";

export type Json = Record<string, unknown>;

export function devFake(fake: Pick<FakeOmi, "url">) {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${fake.url}/__fake/dev/${path}`, { method: "POST", body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`fake ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Json;
  };
  const get = async <T = Json[]>(path: string) => (await (await fetch(`${fake.url}/__fake/dev/${path}`)).json()) as T;
  return {
    seed: (body: { key?: string; uid: string; scopes?: string[] | null; selfCheck?: boolean; memoriesGate?: string; generate?: Json }) =>
      post("seed", body) as Promise<{
        conversations: { id: string; created_at: string; locked: boolean; discarded: boolean }[];
        actionItems: number;
        facts: number;
      }>,
    addKey: (body: { key: string; uid: string; scopes?: string[] | null; selfCheck?: boolean }) => post("keys", body),
    revoke: (key: string) => post("revoke", { key }),
    config: (body: { boost?: number; windowSeconds?: number; limits?: Json }) => post("config", body),
    force429: (after: number, retryAfter = 1, times = 1) => post("force-429", { after, retryAfter, times }),
    unavailable: (on: boolean) => post("unavailable", { on }),
    editConversation: (id: string, body: Json) => post(`conversations/${id}`, body),
    tickInOmi: (id: string, completed: boolean) => post(`action-items/${id}`, { completed }),
    conversations: (uid: string) =>
      get<(Json & { id: string; locked: boolean; discarded: boolean; created_at: string })[]>(`conversations?uid=${uid}`),
    actionItems: (uid: string) =>
      get<(Json & { id: string; conversation_id: string | null; description: string; completed: boolean; locked: boolean })[]>(
        `action-items?uid=${uid}`,
      ),
    webhookBody: (id: string) => get<Json>(`webhook-body/${id}`),
    patches: () => get<{ key: string; id: string; body: Json; status: number }[]>("patches"),
    calls: (key?: string) => get<{ key: string; path: string; status: number; buckets: string[] }[]>(`calls${key ? `?key=${key}` : ""}`),
    reset: () => post("reset", {}),
  };
}

let accounts = 0;

/** A fresh account with a link to `uid`: verified through the code Omi (the fake) pushed, or trusted without credentials. */
export async function accountWithLink(uid: string, fake?: FakeOmi): Promise<{ userId: string; linkId: string }> {
  const { createUser } = await import("@/lib/accounts/users");
  const linking = await import("@/lib/auth/linking");
  const user = await createUser({ email: `sync${++accounts}-${Date.now()}@example.test`, password: "password-123" });
  let link = await linking.startLink({ userId: user.id, uid });
  if (link.status === "unverified") {
    if (!fake) throw new Error("a verified link needs the fake Omi's notifications");
    const sent = fake.notifications.filter((m) => m.uid === uid).at(-1);
    const code = /(\d{6})/.exec(sent?.message ?? "")?.[1];
    if (!code) throw new Error(`no code was pushed to ${uid}`);
    link = await linking.verifyLinkCode({ userId: user.id, uid, code });
  }
  return { userId: user.id, linkId: link.id };
}

/**
 * node:http in front of the REAL webhook route handlers (as `next start` would route
 * them), so the simulator sends over HTTP. `stop()` closes it (the hub is down: sends
 * fail); `start()` listens again on the same port.
 */
export async function hubServer() {
  const { routeHandler } = await import("@/tests/webhooks/harness");
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const m = /^\/api\/webhooks\/(memory|realtime|audio|day-summary|button)(?:\/([^/?]+))?\/?(?:\?|$)/.exec(req.url ?? "");
      if (!m) {
        res.writeHead(404).end();
        return;
      }
      const request = new Request(`http://localhost${req.url}`, {
        method: "POST",
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      const POST = await routeHandler(m[1] as WebhookEvent, Boolean(m[2]));
      const params: Record<string, string> = m[2] ? { token: decodeURIComponent(m[2]) } : {};
      const answer = await POST(request, { params: Promise.resolve(params) });
      res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((r) => server!.listen(port, "127.0.0.1", r));
    port = (server!.address() as AddressInfo).port;
  };
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    stop: () =>
      new Promise<void>((r) => {
        server?.closeAllConnections();
        server?.close(() => r());
      }),
    start: listen,
  };
}

/** Steps due jobs until the job is no longer active (a test's stand-in for the loop), waiting out short Retry-Afters. */
export async function runUntilSettled(jobId: string, { maxMs = 120_000, leaseMs }: { maxMs?: number; leaseMs?: number } = {}) {
  const { advanceDueJobs } = await import("@/lib/omi-sync/runner");
  const { db } = await import("@/db/client");
  const { omiSyncJobs } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const end = Date.now() + maxMs;
  for (;;) {
    await advanceDueJobs({ deadlineMs: 5_000, leaseMs });
    const [job] = await db.select().from(omiSyncJobs).where(eq(omiSyncJobs.id, jobId));
    if (!job || !["queued", "running", "waiting"].includes(job.state)) return job!;
    if (Date.now() > end) throw new Error(`job ${jobId} still ${job.state} (${job.phase}) after ${maxMs} ms: ${job.lastError}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
