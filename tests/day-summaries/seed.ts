/**
 * Test data for recaps, built from the Omi fixture (tests/fixtures/omi/day-summary.json).
 * `insertDaySummary` writes a row the way lib/ingest/day-summary.ts stores one (the
 * columns are taken from the summary object), for tests that are about reading.
 */
import { randomBytes } from "node:crypto";
import fixture from "@/tests/fixtures/omi/day-summary.json";
import { db } from "@/db/client";
import { apiTokens, daySummaries, omiLinks, users } from "@/db/schema";
import { sha256 } from "@/lib/auth/secrets";

export const fixtureBody = fixture;

/** The fixture's summary_json for another date, with any keys replaced or removed (undefined). */
export function summaryFor(date: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const content: Record<string, unknown> = { ...structuredClone(fixture.summary_json), date, ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete content[k];
  return content;
}

export async function insertDaySummary({
  uid,
  ownerUserId = null,
  content,
  fromLegacy = false,
}: {
  uid: string;
  ownerUserId?: string | null;
  content: Record<string, unknown>;
  fromLegacy?: boolean;
}) {
  const stats = (content.stats ?? {}) as Record<string, number | undefined>;
  const [row] = await db
    .insert(daySummaries)
    .values({
      uid,
      ownerUserId,
      date: String(content.date),
      headline: (content.headline as string) ?? null,
      overview: (content.overview as string) ?? null,
      dayEmoji: (content.day_emoji as string) ?? null,
      totalConversations: stats.total_conversations ?? null,
      totalDurationMinutes: stats.total_duration_minutes ?? null,
      content,
      fromLegacy,
      raw: { summary_json: content, uid },
    })
    .returning();
  return row!;
}

/** An account with an API token and, optionally, a trusted link to `uid`. */
export async function seedAccount({ linkUid }: { linkUid?: string } = {}) {
  const tag = randomBytes(6).toString("hex");
  const [user] = await db.insert(users).values({ email: `recaps-${tag}@example.test` }).returning();
  const token = `oht_test_${tag}`;
  await db.insert(apiTokens).values({ userId: user!.id, name: "test", tokenHash: sha256(token), prefix: token.slice(0, 10) });
  if (linkUid) await db.insert(omiLinks).values({ userId: user!.id, uid: linkUid, status: "trusted" });
  return { user: user!, token };
}
