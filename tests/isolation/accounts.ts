/**
 * Test accounts for the isolation table, made through the real functions: an account,
 * a VERIFIED link to a fresh uid (written directly: proving a link by code is the
 * accounts feature's own test, tests/accounts/linking-verified.test.ts), a personal API
 * token and a personal webhook token. A verified link is the one that also shows the
 * uid's app-token rows, so the table covers both kinds of data.
 */
import { randomBytes } from "node:crypto";
import { createApiToken } from "@/lib/accounts/api-tokens";
import { createUser } from "@/lib/accounts/users";
import { db } from "@/db/client";
import { omiLinks } from "@/db/schema";
import { getWebhookToken } from "@/lib/auth/webhook-tokens";
import type { TestAccount } from "./types";
import { allTokenScopes } from "@/lib/auth/token-scopes";

export async function createTestAccount(): Promise<TestAccount> {
  const tag = randomBytes(6).toString("hex");
  const email = `isolation-${tag}@example.test`;
  const user = await createUser({ email, password: `password-${tag}` });
  const uid = `uid-${tag}`;
  await db.insert(omiLinks).values({ userId: user.id, uid, status: "verified", verifiedAt: new Date() });
  const { token: apiToken } = await createApiToken({ userId: user.id, name: "isolation test", scopes: allTokenScopes });
  const webhookToken = await getWebhookToken(user.id);
  return { userId: user.id, email, apiToken, webhookToken, uid };
}
