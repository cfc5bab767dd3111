/**
 * Notification test helpers: accounts with a verified uid, an API token and a personal
 * webhook token (made through the real functions; the verified link is written
 * directly because verification itself is the accounts feature's test), and webhook
 * calls through the real route handlers. Import lazily, after the file set its env.
 */
import { randomBytes } from "node:crypto";
import { postWebhook, uidQuery } from "@/tests/webhooks/sender";
import { allTokenScopes } from "@/lib/auth/token-scopes";

export type Account = { userId: string; uid: string; apiToken: string; webhookToken: string };

export async function makeAccount({ verified = true }: { verified?: boolean } = {}): Promise<Account> {
  const { createUser } = await import("@/lib/accounts/users");
  const { createApiToken } = await import("@/lib/accounts/api-tokens");
  const { getWebhookToken } = await import("@/lib/auth/webhook-tokens");
  const { db } = await import("@/db/client");
  const { omiLinks } = await import("@/db/schema");
  const tag = randomBytes(6).toString("hex");
  const user = await createUser({ email: `notify-${tag}@example.test`, password: `password-${tag}` });
  const uid = `uid-${tag}`;
  await db
    .insert(omiLinks)
    .values({ userId: user.id, uid, status: verified ? "verified" : "unverified", verifiedAt: verified ? new Date() : null });
  const { token: apiToken } = await createApiToken({ userId: user.id, name: "notify test", scopes: allTokenScopes });
  return { userId: user.id, uid, apiToken, webhookToken: await getWebhookToken(user.id) };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function callJson(
  handler: Handler,
  {
    method = "GET",
    path,
    token,
    body,
    params = {},
  }: { method?: string; path: string; token?: string; body?: unknown; params?: Record<string, string> },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers by path
): Promise<{ status: number; json: any }> {
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (body !== undefined) headers.set("content-type", "application/json");
  const res = await handler(
    new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
    {
      params: Promise.resolve(params),
    },
  );
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** POSTs a webhook with the account's personal token, as Omi's Developer Settings sender does. */
export async function webhook(event: "realtime" | "memory" | "day-summary", account: Account, body: object) {
  const { status, json } = await postWebhook(event, {
    token: account.webhookToken,
    query: uidQuery(account.uid),
    headers: { "idempotency-key": randomBytes(8).toString("hex") },
    body,
  });
  return { status, json };
}

export function segment(id: string, text: string, start = 0) {
  return { id, text, speaker: "SPEAKER_0", speaker_id: 0, is_user: true, start, end: start + 2 };
}
