// Omi day-summary webhook with the token in the path (/api/webhooks/day-summary/<token>), the form Settings shows.
import { webhookRoute } from "@/lib/webhooks/handler";

export const POST = webhookRoute("day-summary");
