/**
 * "Send one now": POST /api/notifications/send and the compose form. The caller is an
 * account (personal API token or the signed-in page: only uids it may notify, see
 * ./targets.ts) or a server holding NOTIFY_API_KEY (any uid).
 *
 * The first attempt is made inline with a short timeout, so the 202 usually says "sent"
 * (or why it is held or failed); retries of 5xx/timeouts run after the response.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { notifications, omiLinks, type Notification } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import type { SendBody } from "@/lib/api/schemas/notifications";
import { mayNotify } from "./targets";
import { deliverNotification } from "./sender";

export type Caller = { kind: "account"; userId: string } | { kind: "server" };

const inlineTimeoutMs = 5_000;

export async function assertMayNotify({ caller, uid }: { caller: Caller; uid: string }): Promise<void> {
  if (caller.kind === "server") return;
  if (await mayNotify({ userId: caller.userId, uid })) return;
  const [pending] = await db
    .select({ id: omiLinks.id })
    .from(omiLinks)
    .where(and(eq(omiLinks.userId, caller.userId), eq(omiLinks.uid, uid)));
  if (pending) {
    throw new AppError("forbidden", "user_id: this Omi account is linked but not verified yet; enter the code on the link page first", [
      { path: "user_id", message: "link not verified" },
    ]);
  }
  throw new AppError("not_found", "user_id: you have no verified link to this Omi user", [
    { path: "user_id", message: "no verified link" },
  ]);
}

/** The message as it goes out: the deep link, made absolute, on its own line at the end. */
export function composeMessage({ message, deepLink, baseUrl }: { message: string; deepLink?: string; baseUrl: string }): string {
  return deepLink ? `${message}\n${baseUrl.replace(/\/+$/, "")}${deepLink}` : message;
}

export async function sendNow({ caller, body, baseUrl }: { caller: Caller; body: SendBody; baseUrl: string }): Promise<Notification> {
  await assertMayNotify({ caller, uid: body.user_id });
  const [row] = await db
    .insert(notifications)
    .values({
      userId: caller.kind === "account" ? caller.userId : null,
      uid: body.user_id,
      type: body.type,
      message: composeMessage({ message: body.message, deepLink: body.data?.deep_link, baseUrl }),
      channel: "api",
      status: "queued",
    })
    .returning();
  const delivered = await deliverNotification(row!.id, { timeoutMs: inlineTimeoutMs, retryInBackground: true });
  return delivered ?? row!;
}
