/**
 * Server-only data access for notifications: rules, the log and the settings. Every
 * read is scoped to the account; another account's rule or notification is not found.
 */
import "server-only";
import { and, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { db, rows, type DbOrTx } from "@/db/client";
import { notificationRules, notifications, users, type Notification, type NotificationRule } from "@/db/schema";
import { AppError } from "@/lib/api/errors";
import type { NotificationView, RuleBody, RuleView } from "@/lib/api/schemas/notifications";
import { scopeFor, type Scope } from "@/lib/auth/scope";
import { assertPatternAccepted } from "./match";
import { accountsJudging } from "./targets";
import { describeTrigger, triggerSchema } from "./trigger-schema";

// ─── Rules ───────────────────────────────────────────────────────────────────

export function serializeRule(rule: NotificationRule): RuleView {
  const trigger = triggerSchema.parse(rule.trigger);
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    trigger,
    description: describeTrigger(trigger),
    scopes: rule.scopes,
    mode: rule.mode,
    template: rule.template,
    prompt: rule.prompt,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

export async function listRules({ userId }: { userId: string }): Promise<NotificationRule[]> {
  return db.select().from(notificationRules).where(eq(notificationRules.userId, userId)).orderBy(notificationRules.createdAt);
}

export async function getRule({ userId, id }: { userId: string; id: string }): Promise<NotificationRule | null> {
  const [rule] = await db
    .select()
    .from(notificationRules)
    .where(and(eq(notificationRules.userId, userId), eq(notificationRules.id, id)));
  return rule ?? null;
}

const ruleColumns = (body: RuleBody) => ({
  name: body.name,
  enabled: body.enabled,
  trigger: body.trigger as Record<string, unknown>,
  scopes: body.scopes,
  mode: body.mode,
  template: body.mode === "template" ? (body.template ?? null) : null,
  prompt: body.mode === "omi_prompt" ? (body.prompt ?? null) : null,
});

/**
 * Rules per account. Every delivery judges all of an account's rules, so this bounds the
 * work one account can ask of each delivery (the engine's time budget is the other bound).
 */
export const maxRulesPerAccount = 50;

export async function createRule({ userId, body }: { userId: string; body: RuleBody }): Promise<NotificationRule> {
  assertPatternAccepted(body.trigger);
  return db.transaction(async (tx) => {
    // Serialise this account's creates, so two at once cannot both pass the count.
    await rows(sql`select pg_advisory_xact_lock(hashtext(${"rules:" + userId}))`, tx);
    const [counted] = await tx.select({ n: count() }).from(notificationRules).where(eq(notificationRules.userId, userId));
    if ((counted?.n ?? 0) >= maxRulesPerAccount) {
      throw new AppError(
        "conflict",
        `You have ${maxRulesPerAccount} rules, the most an account can have. Delete or reuse one (a keyword rule takes up to 20 keywords) before adding another.`,
      );
    }
    const [rule] = await tx
      .insert(notificationRules)
      .values({ userId, ...ruleColumns(body) })
      .returning();
    return rule!;
  });
}

export async function updateRule({ userId, id, body }: { userId: string; id: string; body: RuleBody }): Promise<NotificationRule | null> {
  assertPatternAccepted(body.trigger);
  const [rule] = await db
    .update(notificationRules)
    .set({ ...ruleColumns(body), updatedAt: new Date() })
    .where(and(eq(notificationRules.userId, userId), eq(notificationRules.id, id)))
    .returning();
  return rule ?? null;
}

export async function deleteRule({ userId, id }: { userId: string; id: string }): Promise<boolean> {
  const deleted = await db
    .delete(notificationRules)
    .where(and(eq(notificationRules.userId, userId), eq(notificationRules.id, id)))
    .returning({ id: notificationRules.id });
  return deleted.length > 0;
}

/** Enabled rules of the accounts that judge this data: they see it and may notify its uid (./targets.ts). */
export async function rulesForData({
  on,
  uid,
  ownerUserId,
}: {
  on: DbOrTx;
  uid: string;
  ownerUserId: string | null;
}): Promise<NotificationRule[]> {
  const accounts = await accountsJudging({ on, uid, ownerUserId });
  if (!accounts.length) return [];
  return on
    .select()
    .from(notificationRules)
    .where(and(inArray(notificationRules.userId, accounts), eq(notificationRules.enabled, true)))
    .orderBy(notificationRules.createdAt);
}

// ─── The log ─────────────────────────────────────────────────────────────────

/**
 * Notifications this account sees, like data rows (lib/auth/scope.ts): its own (sent by
 * it or its rules), plus server-to-server ones (no account) to uids it has verified.
 */
function visibleNotifications(scope: Scope): SQL {
  const own = eq(notifications.userId, scope.userId);
  if (!scope.uids.length) return own;
  return or(own, and(isNull(notifications.userId), inArray(notifications.uid, scope.uids)))!;
}

export function serializeNotification(n: Notification & { ruleName?: string | null }): NotificationView {
  return {
    id: n.id,
    uid: n.uid,
    type: n.type,
    message: n.message,
    ruleId: n.ruleId,
    ruleName: n.ruleName ?? null,
    channel: n.channel,
    status: n.status,
    reason: n.reason,
    attempts: n.attempts,
    omiStatus: n.omiStatus,
    omiResponse: n.omiResponse,
    nextAttemptAt: n.nextAttemptAt?.toISOString() ?? null,
    sentAt: n.sentAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** Cursor: "<createdAt ISO>|<id>" of the last row seen (newest first). */
function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = cursor.split("|");
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id) return null;
  return { at: date, id };
}

export async function listNotifications({
  userId,
  cursor,
  limit,
  status,
}: {
  userId: string;
  cursor?: string;
  limit: number;
  status?: Notification["status"];
}): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
  const scope = await scopeFor(userId);
  const after = parseCursor(cursor);
  const found = await db
    .select({ n: notifications, ruleName: notificationRules.name })
    .from(notifications)
    .leftJoin(notificationRules, eq(notificationRules.id, notifications.ruleId))
    .where(
      and(
        visibleNotifications(scope),
        status ? eq(notifications.status, status) : undefined,
        after
          ? or(lt(notifications.createdAt, after.at), and(eq(notifications.createdAt, after.at), sql`${notifications.id} < ${after.id}`))
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => serializeNotification({ ...r.n, ruleName: r.ruleName })),
    nextCursor: found.length > limit && last ? `${last.n.createdAt.toISOString()}|${last.n.id}` : null,
  };
}

export async function getNotification({ userId, id }: { userId: string; id: string }): Promise<NotificationView | null> {
  const scope = await scopeFor(userId);
  const [row] = await db
    .select({ n: notifications, ruleName: notificationRules.name })
    .from(notifications)
    .leftJoin(notificationRules, eq(notificationRules.id, notifications.ruleId))
    .where(and(eq(notifications.id, id), visibleNotifications(scope)));
  return row ? serializeNotification({ ...row.n, ruleName: row.ruleName }) : null;
}

// ─── Settings ────────────────────────────────────────────────────────────────

export async function getQuietHours({ userId }: { userId: string }) {
  const [user] = await db
    .select({ quietHoursStart: users.quietHoursStart, quietHoursEnd: users.quietHoursEnd, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, userId));
  return user ?? { quietHoursStart: null, quietHoursEnd: null, timeZone: "UTC" };
}

export async function setQuietHours({ userId, start, end }: { userId: string; start: string | null; end: string | null }): Promise<void> {
  await db.update(users).set({ quietHoursStart: start, quietHoursEnd: end }).where(eq(users.id, userId));
}

export async function getProfileName({ on = db, userId }: { on?: DbOrTx; userId: string }): Promise<string | null> {
  const [user] = await on.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return user?.name ?? user?.email?.split("@")[0] ?? null;
}
