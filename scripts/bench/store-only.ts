/**
 * Where a webhook's time goes, the database half: the app's own storing call
 * (lib/ingest: the event's SQL function through db/client.ts, named statements direct,
 * inlined literals pooled) run without HTTP or Next.js, `concurrency` callers for a
 * fixed time. Prints one JSON line: calls and this process's CPU (the driver's share).
 * The parent measures Postgres' CPU around it (scripts/bench/ingest.ts).
 *   DATABASE_URL=… tsx --require ./scripts/server-only.cjs scripts/bench/store-only.ts memory|realtime <ms> <concurrency>
 */
import { readFileSync } from "node:fs";
import { closeDb } from "@/db/client";
import { jsonBody } from "@/lib/ingest/json-body";
import { memoryCall } from "@/lib/ingest/memory";
import { realtimeCall } from "@/lib/ingest/realtime";
import { storeIngest } from "@/lib/ingest/store";
import type { DeliveryLogRow, IngestCall } from "@/lib/ingest/types";
import { memoryPayloadSchema } from "@/lib/omi/memory-schema";
import { realtimePayloadSchema } from "@/lib/omi/realtime-schema";

const [event = "memory", durationText = "5000", concurrencyText = "50"] = process.argv.slice(2);
const run = `store-${Date.now().toString(36)}`;

const fixture = (name: string) => readFileSync(`tests/fixtures/omi/${name}`, "utf8");

/** The event's call for the fixture body, built once; each call only changes its ids. */
const template: IngestCall = (() => {
  if (event === "memory") {
    const text = fixture("memory-created.json");
    return memoryCall(memoryPayloadSchema.parse(JSON.parse(text)), jsonBody(text, null));
  }
  const text = fixture("realtime-batch-1.json");
  return realtimeCall(realtimePayloadSchema.parse(JSON.parse(text)), jsonBody(text, null));
})();

/** A new Omi id (memory) or new segment ids (realtime) for the i-th call, as a new delivery would carry. */
function call(i: number): IngestCall {
  const f = template.fields as { memory?: Record<string, unknown>; segments?: Record<string, unknown>[] };
  if (f.memory) return { ...template, fields: { ...f, memory: { ...f.memory, omi_id: `${run}-${i}` } } };
  return { ...template, fields: { ...f, segments: f.segments!.map((s, k) => ({ ...s, id: `${run}-${i}-${k}` })) } };
}

function delivery(i: number): DeliveryLogRow {
  return {
    id: crypto.randomUUID(),
    event: event === "memory" ? "memory" : "realtime",
    uid: `bench-store-${i % 200}`,
    owner: null,
    auth: "app",
    signature: "absent",
    key: `${run}-${i}`,
    target: `/api/webhooks/${event}`,
    headers: { "content-type": "application/json" },
    content_type: "application/json",
    size_bytes: 0,
    received_at: new Date().toISOString(),
  };
}

let i = 0;
const loop = async (until: number) => {
  while (performance.now() < until) {
    const k = i++;
    await storeIngest(call(k), delivery(k));
  }
};
await Promise.all(Array.from({ length: 50 }, () => loop(performance.now() + 1000))); // warm-up
const calls0 = i;
console.log("measuring");
const cpu0 = process.cpuUsage();
const until = performance.now() + Number(durationText);
await Promise.all(Array.from({ length: Number(concurrencyText) }, () => loop(until)));
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ calls: i - calls0, cpuMs: (cpu.user + cpu.system) / 1000 }));
await closeDb();
