import { z } from "zod";
import { revokeApiToken } from "@/lib/accounts/api-tokens";
import { route } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

export const DELETE = route({ auth: "account", params: z.object({ id: z.string().max(100) }) }, async ({ user, params }) => {
  await revokeApiToken({ userId: user.id, id: params.id });
  return { ok: true };
});
