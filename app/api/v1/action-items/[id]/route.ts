import { notFound } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";
import { actionItemPatchSchema } from "@/lib/api/schemas/memories";
import { setActionItemCompleted } from "@/lib/memories/action-items";


/** PATCH /api/v1/action-items/{id} {completed}: the tick is kept here and survives Omi re-sending the memory. */
export const PATCH = route({ auth: "account", needs: "write", params: idParams, body: actionItemPatchSchema }, async ({ params, body, scope }) => {
  const item = await setActionItemCompleted({ scope: await scope, id: params.id, completed: body.completed });
  if (!item) throw notFound("Action item");
  return item;
});
