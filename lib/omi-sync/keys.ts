/**
 * Connecting a person's Omi Developer API key to one of their linked uids: checked
 * with Omi (the key works, what it may do, and that it reads THAT uid's account:
 * ./evidence.ts), stored encrypted, never shown again, removable. Removing the link
 * removes the key (foreign key), so only uids the account holds keep syncing.
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { memories, omiDevKeys, omiLinks, type OmiDevKey } from "@/db/schema";
import { AppError, notFound } from "@/lib/api/errors";
import type { OmiConnection, OmiSyncOverview } from "@/lib/api/schemas/omi-sync";
import { hit } from "@/lib/auth/rate-limit";
import { decrypt, encrypt } from "@/lib/auth/secrets";
import { env } from "@/lib/env";
import { getKeyInfo, listConversations, OmiDevApiError } from "./client";
import { checkKeyReadsUid } from "./evidence";
import { jobsOfKey, toJobView } from "./jobs";
import { importOwner } from "./owner";

/** Connect attempts per account and hour: each one costs calls against Omi's limits. */
const connectAttemptsPerHour = 10;
/** Per call while connecting: up to five calls must fit in the route's time. */
const connectTimeoutMs = 8_000;

/** The key in clear, for a call to Omi. Never returned by a route or logged. */
export function keySecret(key: Pick<OmiDevKey, "keyEnc">): string {
  return decrypt(key.keyEnc);
}

/** A scope list from Omi's self-check; null when unknown. */
export function canWrite(scopes: string[] | null, what: "action_items"): boolean | null {
  return scopes ? scopes.includes(`${what}:write`) : null;
}

/** Omi's failure as our answer while connecting: in words, never our own 401 (that would mean "sign in"). */
function connectError(err: unknown): never {
  if (!(err instanceof OmiDevApiError)) throw err;
  switch (err.kind) {
    case "unauthorized":
    case "forbidden":
    case "invalid_request":
    case "not_found":
      throw new AppError("validation_failed", err.message, [{ path: "key", message: err.message }]);
    case "rate_limited":
      throw new AppError("rate_limited", err.message, undefined, { "retry-after": String(err.extra.retryAfterSeconds ?? 60) });
    default:
      throw new AppError("service_unavailable", `Could not check the key with Omi: ${err.message}`, undefined, { "retry-after": "30" });
  }
}

export async function connectKey({ userId, linkId, key }: { userId: string; linkId: string; key: string }): Promise<OmiConnection> {
  const [link] = await db
    .select()
    .from(omiLinks)
    .where(and(eq(omiLinks.id, linkId), eq(omiLinks.userId, userId)))
    .limit(1);
  if (!link) throw notFound("Omi account link");
  const label = link.nickname || link.uid;
  if (link.status === "unverified") {
    throw new AppError("conflict", `Confirm ${label} first (enter the code Omi sent to the phone); then connect its key.`);
  }
  const limit = await hit({ key: `omi-dev-connect:${userId}`, max: connectAttemptsPerHour, windowSeconds: 3600 });
  if (!limit.allowed) {
    throw new AppError("rate_limited", "Too many keys tried this hour; try again later.", undefined, {
      "retry-after": String(limit.retryAfterSeconds),
    });
  }

  let scopes: string[] | null = null;
  let info: Awaited<ReturnType<typeof getKeyInfo>> = null;
  try {
    info = await getKeyInfo(key, { timeoutMs: connectTimeoutMs });
    scopes = info?.scopes ?? null;
    // Without a self-check, one cheap list call proves the key and its conversations:read.
    if (!info) await listConversations(key, { limit: 1, offset: 0, includeTranscript: false }, { timeoutMs: connectTimeoutMs });
  } catch (err) {
    connectError(err);
  }
  if (scopes && !scopes.includes("conversations:read")) {
    throw new AppError(
      "validation_failed",
      "This key cannot read conversations. Create a key with the conversations:read permission in the Omi app.",
      [{ path: "key", message: "needs conversations:read" }],
    );
  }

  const [personal] = await db
    .select({ id: memories.id })
    .from(memories)
    .where(and(eq(memories.uid, link.uid), eq(memories.ownerUserId, userId)))
    .limit(1);
  const targetOwner = importOwner({
    userId,
    linkStatus: link.status,
    appTokenConfigured: Boolean(env.OMI_WEBHOOK_TOKEN),
    hasPersonalMemories: Boolean(personal),
  });
  let evidence: OmiDevKey["evidence"];
  try {
    evidence = await checkKeyReadsUid({ key, userId, uid: link.uid, targetOwner, label, timeoutMs: connectTimeoutMs });
  } catch (err) {
    connectError(err);
  }

  const now = new Date();
  const values = {
    keyEnc: encrypt(key),
    keyPrefix: info?.key_prefix ? `${info.key_prefix}…` : `${key.slice(0, 12)}…`,
    omiKeyId: info?.id ?? null,
    omiKeyName: info?.name ?? null,
    scopes,
    evidence,
    status: "active" as const,
    statusMessage: null,
    budget: {},
    // The first reconcile waits an hour: time to start the import, which covers it.
    nextReconcileAt: new Date(now.getTime() + 3_600_000),
  };
  await db
    .insert(omiDevKeys)
    .values({ userId, linkId, uid: link.uid, ...values })
    .onConflictDoUpdate({ target: omiDevKeys.linkId, set: values });
  const [saved] = await db.select().from(omiDevKeys).where(eq(omiDevKeys.linkId, linkId));
  return connectionView(saved!);
}

export async function removeKey({ userId, linkId }: { userId: string; linkId: string }): Promise<void> {
  const deleted = await db
    .delete(omiDevKeys)
    .where(and(eq(omiDevKeys.linkId, linkId), eq(omiDevKeys.userId, userId)))
    .returning({ id: omiDevKeys.id });
  if (!deleted.length) throw notFound("Omi Developer API key");
}

/** Omi stopped accepting the key (401): syncing stops until a new one is pasted. */
export async function markKeyInvalid(keyId: string, message: string): Promise<void> {
  await db.update(omiDevKeys).set({ status: "invalid", statusMessage: message }).where(eq(omiDevKeys.id, keyId));
}

export async function connectionView(key: OmiDevKey): Promise<OmiConnection> {
  const jobs = await jobsOfKey(key.id);
  return {
    id: key.id,
    keyPrefix: key.keyPrefix,
    keyName: key.omiKeyName,
    scopes: key.scopes,
    canWriteActionItems: canWrite(key.scopes, "action_items"),
    evidence: key.evidence,
    status: key.status,
    statusMessage: key.statusMessage,
    connectedAt: key.createdAt.toISOString(),
    lastReconcileAt: key.lastReconcileAt?.toISOString() ?? null,
    nextReconcileAt: key.nextReconcileAt?.toISOString() ?? null,
    activeJob: jobs.active ? toJobView(jobs.active) : null,
    lastImport: jobs.lastImport ? toJobView(jobs.lastImport) : null,
    lastReconcile: jobs.lastReconcile ? toJobView(jobs.lastReconcile) : null,
  };
}

/** Settings: every verified or trusted link of the account, with its key when connected. */
export async function syncOverview({ userId }: { userId: string }): Promise<OmiSyncOverview> {
  const links = await db
    .select()
    .from(omiLinks)
    .where(and(eq(omiLinks.userId, userId), inArray(omiLinks.status, ["verified", "trusted"])))
    .orderBy(omiLinks.createdAt, omiLinks.id);
  const keys = await db.select().from(omiDevKeys).where(eq(omiDevKeys.userId, userId));
  return {
    links: await Promise.all(
      links.map(async (link) => {
        const key = keys.find((k) => k.linkId === link.id);
        return {
          linkId: link.id,
          uid: link.uid,
          nickname: link.nickname,
          status: link.status as "verified" | "trusted",
          connection: key ? await connectionView(key) : null,
        };
      }),
    ),
  };
}
