import { notFound, validationError } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { ruleBody, rulePatchBody } from "@/lib/api/schemas/notifications";
import { deleteRule, getRule, serializeRule, updateRule } from "@/lib/notify/queries";

export const GET = route({ auth: "account", needs: "read", params: idParams }, async ({ user, params }) => {
  const rule = await getRule({ userId: user.id, id: params.id });
  if (!rule) throw notFound("Rule");
  return serializeRule(rule);
});

/** Any fields; merged with the stored rule and checked whole (scopes included). */
export const PATCH = route({ auth: "account", needs: "write", params: idParams, body: rulePatchBody }, async ({ user, params, body }) => {
  const rule = await getRule({ userId: user.id, id: params.id });
  if (!rule) throw notFound("Rule");
  const current = serializeRule(rule);
  const merged = ruleBody.safeParse({
    name: current.name,
    enabled: current.enabled,
    trigger: current.trigger,
    scopes: current.scopes,
    mode: current.mode,
    template: current.template,
    prompt: current.prompt,
    ...body,
  });
  if (!merged.success) throw validationError(merged.error, "Body");
  const updated = await updateRule({ userId: user.id, id: params.id, body: merged.data });
  if (!updated) throw notFound("Rule");
  return serializeRule(updated);
});

export const DELETE = route({ auth: "account", needs: "write", params: idParams }, async ({ user, params }) => {
  if (!(await deleteRule({ userId: user.id, id: params.id }))) throw notFound("Rule");
  return { ok: true };
});
