/** Where to go after sign-in: a relative path on this site, never another origin. */
export function safeNext(value: unknown, fallback = "/memories"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  // "/x" yes; "//evil.com", "/\evil.com" and absolute URLs no.
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
