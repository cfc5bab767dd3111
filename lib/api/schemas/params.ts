/** Query-string pieces shared by the read API's schemas: one definition each. */
import { z } from "zod";

/** Forms send empty fields: "" counts as absent. */
export const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** YYYY-MM-DD (a whole day) or an ISO date-time; the day must exist. */
export const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "use YYYY-MM-DD or an ISO date-time")
  .refine((s) => !Number.isNaN(new Date(s.length === 10 ? `${s}T00:00:00Z` : s).getTime()), "not a real date")
  // Date() rolls 2024-02-30 over to March 1st; Postgres refuses it. The day must exist.
  .refine((s) => {
    const day = new Date(`${s.slice(0, 10)}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === s.slice(0, 10);
  }, "not a real date");

/** The `{id}` path segment of every `/…/[id]` route: ids are opaque strings, never long. */
export const idParams = z.object({ id: z.string().min(1).max(100) });
