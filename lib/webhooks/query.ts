/**
 * Reads a webhook's query string the way Omi's senders actually build it
 * (docs/OMI.md §1–3): current code merges `uid` into the query with `&`, legacy
 * code always appended `?uid=` even when the URL already had a `?`, audio puts
 * `sample_rate` first, and the uid is appended raw (not percent-encoded). So both `&`
 * and a second `?` separate parameters, and the uid runs to the next known parameter,
 * the next "&name=" or the end, whatever other characters it holds.
 *
 *   /api/webhooks/audio/T?sample_rate=16000?uid=U   → { sampleRate: "16000", uid: "U" }
 *   /api/webhooks/memory?token=T?uid=U              → { token: "T", uid: "U" }
 */

export type WebhookQuery = {
  uid: string | null;
  token: string | null;
  sampleRate: string | null;
  /** Every parameter as read (first occurrence wins), for the delivery log and replay. */
  params: Record<string, string>;
};

/** Parameters whose start ends a raw uid. */
const knownKeys = ["uid", "token", "sample_rate", "session_id"];

/** Percent-decodes every valid escape run; a stray "%" (a raw uid may hold one) stays as sent. */
function decode(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * Next.js re-serialises the query string before a route handler sees it, so a legacy
 * "?sample_rate=16000?uid=U" arrives as "sample_rate=16000%3Fuid%3DU". A "%3F" (with
 * "%3D" or "=") right before one of our parameter names was a separator "?": put it back.
 */
function restoreLegacySeparators(raw: string): string {
  return raw.replace(new RegExp(`%3F(${knownKeys.join("|")})(?:%3D|=)`, "gi"), (_m, key: string) => `?${key.toLowerCase()}=`);
}

/** `search` is everything after the first "?" of the URL (with or without the "?"). */
export function parseWebhookQuery(search: string): WebhookQuery {
  const raw = restoreLegacySeparators((search.startsWith("?") ? search.slice(1) : search).split("#")[0] ?? "");
  // No prototype: a parameter named "__proto__" or "constructor" is just a parameter.
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  let uid: string | null = null;

  // The uid first: from "uid=" at the start or after a separator, to the next known key.
  const uidStart = /(?:^|[?&])uid=/.exec(raw);
  let rest = raw;
  if (uidStart) {
    const valueStart = uidStart.index + uidStart[0].length;
    const after = raw.slice(valueStart);
    // Ends at the next known parameter, or at "&name=" (a parameter some sender put after it).
    const next = new RegExp(`[?&](?:${knownKeys.join("|")})=|&[A-Za-z_][\\w.-]*=`).exec(after);
    const value = next ? after.slice(0, next.index) : after;
    uid = decode(value);
    rest = raw.slice(0, uidStart.index) + (next ? after.slice(next.index) : "");
  }

  for (const part of rest.split(/[?&]/)) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const key = decode((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, " "));
    const value = eq < 0 ? "" : decode(part.slice(eq + 1).replace(/\+/g, " "));
    if (!Object.hasOwn(params, key)) params[key] = value;
  }
  if (uid !== null) params.uid = uid;

  const nonEmpty = (v: string | undefined) => (v === undefined || v === "" ? null : v);
  return {
    uid: uid === null ? null : nonEmpty(uid.trim()),
    token: nonEmpty(params.token),
    sampleRate: nonEmpty(params.sample_rate),
    params,
  };
}
