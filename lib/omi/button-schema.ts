/**
 * The button event's body shape is unconfirmed (docs/OMI.md §0 lists the event,
 * nothing more), so any JSON object is accepted and stored whole.
 */
import { z } from "zod";

export const buttonPayloadSchema = z.record(z.string(), z.unknown());
export type ButtonPayload = z.infer<typeof buttonPayloadSchema>;
