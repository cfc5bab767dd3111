/** Argument schemas shared by the MCP tools. Every string has a bound: oversized arguments are refused. */
import { z } from "zod";

/** An id from another tool's answer (ids are opaque and short). */
export const idArg = (description: string) =>
  z.string().trim().min(1, "id: required").max(100, "id: at most 100 characters").describe(description);

/** A page cursor from a previous answer's nextCursor. */
export const cursorArg = (max = 1000) => z.string().max(max, "cursor: use the nextCursor of a previous answer").optional();
