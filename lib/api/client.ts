/**
 * Browser-side fetch for the JSON API: parses the answer with the same zod schema the
 * route uses, and turns our error shape into an Error whose message a person can read.
 */
import type { z } from "zod";
import "@/lib/zod-browser";
import { errorBodySchema } from "./errors";

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function fetchJson<T extends z.ZodType>(url: string, schema: T, init?: RequestInit): Promise<z.infer<T>> {
  const res = await fetch(url, {
    ...init,
    headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(res.status, "bad_response", `The server answered ${res.status} without JSON`);
  }
  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    throw new ApiError(res.status, "http_error", `The server answered ${res.status}`);
  }
  return schema.parse(body);
}

type QueryValue = string | number | boolean | null | undefined;

/** A path of this app's API with its query string; null, undefined and "" values are left out. */
export function apiPath(path: string, query: Record<string, QueryValue> = {}): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== null && value !== undefined && value !== "") q.set(key, String(value));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** A write (POST, PATCH, PUT, DELETE) with an optional JSON body, answered and parsed like fetchJson. */
export function sendJson<T extends z.ZodType>(
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  schema: T,
  body?: unknown,
): Promise<z.infer<T>> {
  return fetchJson(url, schema, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}
