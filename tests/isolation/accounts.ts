/**
 * Test accounts for the isolation table, made through the real functions: an account,
 * a link to a fresh uid (trusted in tests, where no Omi credentials are set: it sees the
 * same data as a verified one), a personal API token and a personal webhook token.
 */
import { randomBytes } from "node:crypto";
import { createApiToken } from "@/lib/accounts/api-tokens";
import { createUser } from "@/lib/accounts/users";
import { startLink } from "@/lib/auth/linking";
import { getWebhookToken } from "@/lib/auth/webhook-tokens";
import type { TestAccount } from "./types";
import { allTokenScopes } from "@/lib/auth/token-scopes";

export async function createTestAccount(): Promise<TestAccount> {
  const tag = randomBytes(6).toString("hex");
  const email = `isolation-${tag}@example.test`;
  const user = await createUser({ email, password: `password-${tag}` });
  const uid = `uid-${tag}`;
  const link = await startLink({ userId: user.id, uid });
  if (link.status === "unverified") throw new Error("createTestAccount needs a test file without Omi API credentials");
  const { token: apiToken } = await createApiToken({ userId: user.id, name: "isolation test", scopes: allTokenScopes });
  const webhookToken = await getWebhookToken(user.id);
  return { userId: user.id, email, apiToken, webhookToken, uid };
}
