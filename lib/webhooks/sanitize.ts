/**
 * Postgres text and jsonb refuse U+0000 and ill-formed UTF-16 (a lone surrogate from
 * a "\ud83d" escape cut in half). Omi's text is stored anyway, minus the NUL
 * characters and with lone surrogates replaced by U+FFFD: a delivery is never
 * refused for what is inside its strings.
 */

export function sanitizeText(text: string): string {
  const withoutNul = text.includes("\u0000") ? text.replace(/\u0000/g, "") : text;
  return withoutNul.isWellFormed() ? withoutNul : withoutNul.toWellFormed();
}

/** Sanitises every string (keys included) of a parsed JSON value, recursively. */
export function sanitizeJson(value: unknown): unknown {
  if (typeof value === "string") return sanitizeText(value);
  if (Array.isArray(value)) return value.map(sanitizeJson);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      // defineProperty: a key named "__proto__" stays a plain key.
      Object.defineProperty(out, sanitizeText(key), { value: sanitizeJson(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/**
 * Nesting deeper than this is refused (422): no Omi payload comes close (about 6
 * levels), and Postgres' jsonb parser gives up on deep nesting ("stack depth limit
 * exceeded"), which would otherwise surface as a 500 from inside the ingest.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether a parsed JSON value nests objects/arrays deeper than `limit` (no recursion, stops early). */
export function exceedsJsonDepth(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
