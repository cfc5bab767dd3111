import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { actionItemPatchSchema } from "@/lib/api/schemas/memories";
import { idParams } from "@/lib/api/schemas/params";
import { getActionItem, setActionItemCompleted } from "@/lib/memories/action-items";
import { pushTick } from "@/lib/omi-sync/action-items";

/**
 * PATCH /api/v1/action-items/{id} {completed}: the tick is kept here and survives Omi
 * re-sending the memory; with an Omi Developer API key that may write, it is also sent
 * to Omi (omiSync says how that went).
 */
export const PATCH = route(
  { auth: "account", needs: "write", params: idParams, body: actionItemPatchSchema },
  async ({ user, params, body, scope }) => {
    const item = await setActionItemCompleted({ scope: await scope, id: params.id, completed: body.completed });
    if (!item) throw notFound("Action item");
    await pushTick({ userId: user.id, itemId: item.id, timeoutMs: 8_000 });
    return (await getActionItem({ id: item.id })) ?? item;
  },
);
