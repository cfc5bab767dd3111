import { describe, expect, it } from "vitest";
import { useTestDb } from "../db";

useTestDb();

describe("GET /api/health", () => {
  it("answers ok when the database answers", async () => {
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 once the database is gone", async () => {
    const { GET } = await import("@/app/api/health/route");
    const client = await import("@/db/client");
    const d = client.driver();
    // Close the underlying connection without clearing the handle: the next query fails.
    if (d.kind === "pglite") await d.client.close();
    else await d.client.end();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", database: "unavailable" });
  });
});
