// Omi memory webhook with the token in the path (/api/webhooks/memory/<token>), the form Settings shows.
import { webhookRoute } from "@/lib/webhooks/handler";

export const POST = webhookRoute("memory");
