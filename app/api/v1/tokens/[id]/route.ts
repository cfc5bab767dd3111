import { revokeApiToken } from "@/lib/accounts/api-tokens";
import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas/params";

export const DELETE = route({ auth: "account", needs: "account", params: idParams }, async ({ user, params }) => {
  await revokeApiToken({ userId: user.id, id: params.id });
  return { ok: true };
});
