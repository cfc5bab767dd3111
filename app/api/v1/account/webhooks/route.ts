import { route } from "@/lib/api/handler";
import { webhookUrlsFor } from "@/lib/accounts/webhook-urls";
import { baseUrlFrom } from "@/lib/urls";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "account" }, async ({ req, user }) =>
  webhookUrlsFor({ userId: user.id, baseUrl: baseUrlFrom(req.headers) }),
);
