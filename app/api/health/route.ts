import { sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { json } from "@/lib/api/respond";
import { log } from "@/lib/log";
import { describeDbError } from "@/db/errors";

/** Liveness and database reachability, for uptime checks and test readiness. */
export async function GET() {
  try {
    await Promise.race([
      rows(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database check timed out")), 3000)),
    ]);
    return json({ status: "ok", database: "ok" });
  } catch (err) {
    log.warn("health: database unavailable", { err: describeDbError(err) });
    return json({ status: "error", database: "unavailable" }, { status: 503, headers: { "retry-after": "5" } });
  }
}
