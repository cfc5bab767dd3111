import { createApiToken, listApiTokens } from "@/lib/accounts/api-tokens";
import { route } from "@/lib/api/handler";
import { requireScope } from "@/lib/api/request-auth";
import { apiTokenListSchema, createApiTokenBody, createdApiTokenSchema, serializeApiToken } from "@/lib/api/schemas/tokens";

export const GET = route({ auth: "account", needs: "account" }, async ({ user }) =>
  apiTokenListSchema.parse({ items: (await listApiTokens({ userId: user.id })).map(serializeApiToken) }),
);

export const POST = route({ auth: "account", needs: "account", body: createApiTokenBody }, async ({ user, body }) => {
  // A token cannot make a token that may do more than itself.
  for (const scope of body.scopes) requireScope(user, scope);
  const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null;
  const { token, item } = await createApiToken({ userId: user.id, name: body.name, scopes: body.scopes, expiresAt });
  return createdApiTokenSchema.parse({ token, item: serializeApiToken(item) });
});
