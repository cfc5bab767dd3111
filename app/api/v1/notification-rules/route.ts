import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/handler";
import { ruleBody } from "@/lib/api/schemas/notifications";
import { createRule, listRules, serializeRule } from "@/lib/notify/queries";

export const GET = route({ auth: "account", needs: "read" }, async ({ user }) => ({
  items: (await listRules({ userId: user.id })).map(serializeRule),
}));

/** Refused with 422 naming the field when a placeholder reaches outside the declared scopes. */
export const POST = route({ auth: "account", needs: "write", body: ruleBody }, async ({ user, body }) =>
  json(serializeRule(await createRule({ userId: user.id, body })), { status: 201 }),
);
