// Omi realtime webhook with the token in the path (/api/webhooks/realtime/<token>), the form Settings shows.
import { webhookRoute } from "@/lib/webhooks/handler";

export const POST = webhookRoute("realtime");
