import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { actionItemPatchSchema } from "@/lib/api/schemas/memories";
import { scopeFor } from "@/lib/auth/scope";
import { getActionItem, setActionItemCompleted } from "@/lib/memories/action-items";
import { pushTick } from "@/lib/omi-sync/action-items";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

/**
 * PATCH /api/v1/action-items/{id} {completed}: the tick is kept here and survives Omi
 * re-sending the memory; with an Omi Developer API key that may write, it is also sent
 * to Omi (omiSync says how that went).
 */
export const PATCH = route({ auth: "account", params, body: actionItemPatchSchema }, async ({ user, params, body }) => {
  const item = await setActionItemCompleted({ scope: await scopeFor(user.id), id: params.id, completed: body.completed });
  if (!item) throw notFound("Action item");
  await pushTick({ userId: user.id, itemId: item.id, timeoutMs: 8_000 });
  return (await getActionItem({ id: item.id })) ?? item;
});
