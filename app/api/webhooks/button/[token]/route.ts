// Omi button webhook with the token in the path (/api/webhooks/button/<token>), the form Settings shows.
import { webhookRoute } from "@/lib/webhooks/handler";

export const POST = webhookRoute("button");
