/** OAuth Protected Resource Metadata (RFC 9728) for /api/mcp: where the 401's challenge points. */
import { json } from "@/lib/api/respond";
import { protectedResourceMetadata } from "@/lib/mcp/auth";
import { baseUrlFrom } from "@/lib/urls";

export function GET(req: Request): Response {
  return json(protectedResourceMetadata(baseUrlFrom(req.headers)), { headers: { "access-control-allow-origin": "*" } });
}
