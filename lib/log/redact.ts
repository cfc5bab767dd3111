/**
 * Removes secrets from text bound for logs and the delivery view: webhook tokens in
 * paths and query strings, bearer tokens, Omi signing secrets and signatures.
 * Pure, so the browser-bound delivery view and the logger share it.
 */
const patterns: [RegExp, string][] = [
  // /api/webhooks/<event>/<token>
  [/(\/api\/webhooks\/[a-z-]+\/)([^/?#\s"]+)/gi, "$1[redacted]"],
  // token=… / secret=… / key=… in query strings
  [/([?&](?:token|secret|key|api_key|access_token)=)[^&#\s"]*/gi, "$1[redacted]"],
  [/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, "$1[redacted]"],
  [/whsec_[A-Za-z0-9+/=_-]+/g, "whsec_[redacted]"],
  [/\b(ohk|oht|ohw)_[A-Za-z0-9_-]{8,}/g, "$1_[redacted]"],
];

export function redact(text: string): string {
  let out = text;
  for (const [re, replacement] of patterns) out = out.replace(re, replacement);
  return out;
}
