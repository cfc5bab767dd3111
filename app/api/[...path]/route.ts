// Any /api path no route handles (a mistyped URL, "/api/webhooks/memory/<token>/extra", a
// "%2e%2e" that resolved upwards) answers the one JSON error shape, not the HTML 404
// page: API clients and Omi read JSON. Real routes are more specific and always win.
// The path is not echoed: it may hold a webhook token.
import { AppError } from "@/lib/api/errors";
import { route } from "@/lib/api/handler";

const handler = route({ auth: "none" }, async () => {
  throw new AppError("not_found", "There is no API route at this path; check the URL (Settings shows the webhook URLs)");
});

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
