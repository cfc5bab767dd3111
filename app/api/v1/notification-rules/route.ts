import { json } from "@/lib/api/respond";
import { route } from "@/lib/api/handler";
import { ruleBody } from "@/lib/api/schemas/notifications";
import { createRule, listRules, serializeRule } from "@/lib/notify/queries";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "account" }, async ({ user }) => ({ items: (await listRules({ userId: user.id })).map(serializeRule) }));

/** Refused with 422 naming the field when a placeholder reaches outside the declared scopes. */
export const POST = route({ auth: "account", body: ruleBody }, async ({ user, body }) =>
  json(serializeRule(await createRule({ userId: user.id, body })), { status: 201 }),
);
