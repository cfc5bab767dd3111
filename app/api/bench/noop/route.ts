/**
 * The framework's ceiling for `npm run bench`: a route handler that only reads the
 * body and answers {}. Served only when BENCH_ROUTES=1; otherwise it does not exist.
 */
import { notFound } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/respond";
import { env } from "@/lib/env";

export async function POST(req: Request) {
  if (!env.BENCH_ROUTES) return errorResponse(notFound("Route"));
  await req.arrayBuffer();
  return new Response("{}", { headers: { "content-type": "application/json" } });
}
