/**
 * Personal API tokens for /api/v1 and /api/mcp (Authorization: Bearer oht_…). Shown once
 * at creation, stored as a SHA-256 hash; the list shows a prefix so a person can tell
 * them apart. Each token carries the scopes chosen at creation and, optionally, an expiry.
 */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { type ApiToken, apiTokens } from "@/db/schema";
import { notFound } from "@/lib/api/errors";
import { newToken, sha256 } from "@/lib/auth/secrets";
import { normaliseScopes, type TokenScope } from "@/lib/auth/token-scopes";

export const tokenNameSchema = z.string().trim().min(1, "Give the token a name").max(80, "Use at most 80 characters");

export type ApiTokenItem = Pick<ApiToken, "id" | "name" | "prefix" | "scopes" | "expiresAt" | "createdAt" | "lastUsedAt">;

const itemColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  expiresAt: apiTokens.expiresAt,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

/** Creates a token; the returned `token` is the only time the secret exists in clear. */
export async function createApiToken({
  userId,
  name,
  scopes,
  expiresAt = null,
}: {
  userId: string;
  name: string;
  scopes: readonly TokenScope[];
  expiresAt?: Date | null;
}): Promise<{ token: string; item: ApiTokenItem }> {
  const token = newToken("api");
  const [item] = await db
    .insert(apiTokens)
    .values({
      userId,
      name: tokenNameSchema.parse(name),
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      scopes: normaliseScopes(scopes),
      expiresAt,
    })
    .returning(itemColumns);
  return { token, item: item! };
}

export async function listApiTokens({ userId }: { userId: string }): Promise<ApiTokenItem[]> {
  return db.select(itemColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt), apiTokens.id);
}

export async function revokeApiToken({ userId, id }: { userId: string; id: string }): Promise<void> {
  const deleted = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  if (!deleted.length) throw notFound("API token");
}
