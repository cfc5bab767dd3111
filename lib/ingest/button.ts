/**
 * Button webhook → button_events, in one statement (omi_ingest_button, db/migrations
 * 0004). The body's shape is unconfirmed, so it is stored whole with its arrival time.
 */
import "server-only";
import type { ButtonPayload } from "@/lib/omi/button-schema";
import { rawField, type JsonBody } from "./json-body";
import type { IngestCall } from "./types";

export function buttonCall(_payload: ButtonPayload, body: JsonBody): IngestCall {
  return { procedure: "omi_ingest_button", text: body.text, fields: { ...rawField(body) } };
}
