// Omi memory webhook, token as ?token= or signature only. The wrapper does everything (lib/webhooks).
import { webhookRoute } from "@/lib/webhooks/handler";

export const POST = webhookRoute("memory");
