import { createApiToken, listApiTokens } from "@/lib/accounts/api-tokens";
import { route } from "@/lib/api/handler";
import { apiTokenListSchema, createApiTokenBody, createdApiTokenSchema, serializeApiToken } from "@/lib/api/schemas/tokens";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "account" }, async ({ user }) =>
  apiTokenListSchema.parse({ items: (await listApiTokens({ userId: user.id })).map(serializeApiToken) }),
);

export const POST = route({ auth: "account", body: createApiTokenBody }, async ({ user, body }) => {
  const { token, item } = await createApiToken({ userId: user.id, name: body.name });
  return createdApiTokenSchema.parse({ token, item: serializeApiToken(item) });
});
