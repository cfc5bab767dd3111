/** A database that does not answer is a 503 with Retry-After (Omi retries 5xx), never a 500. */
import { describe, expect, it } from "vitest";
import { useTestDb } from "../db";
import { fixtureBody, send, setWebhookEnv } from "./harness";

setWebhookEnv();
useTestDb();

describe("database unavailable", () => {
  it("answers 503 + Retry-After for every event", async () => {
    const client = await import("@/db/client");
    const d = client.driver();
    // Close the connection without clearing the handle: the next query fails as "unavailable".
    if (d.kind === "pglite") await d.client.close();
    else await d.client.end();

    for (const [event, body] of [
      ["memory", fixtureBody("memory-created.json")],
      ["day-summary", fixtureBody("day-summary.json")],
      ["button", "{}"],
    ] as const) {
      const sent = await send(event, { body, headers: { "idempotency-key": `k-${event}` } });
      expect(sent.status, event).toBe(503);
      expect(sent.res.headers.get("retry-after")).toBe("5");
      expect((sent.json.error as { code: string }).code).toBe("service_unavailable");
    }
  });
});
