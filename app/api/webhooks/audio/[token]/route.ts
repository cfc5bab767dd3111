// Omi audio webhook with the token in the path (/api/webhooks/audio/<token>), the form Settings shows.
import { webhookRoute } from "@/lib/webhooks/handler";

export const POST = webhookRoute("audio");
