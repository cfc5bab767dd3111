/**
 * Recaps for tests, sent the way Omi sends them: through the real day-summary webhook
 * route (/api/webhooks/day-summary/<token>?uid=…), built from the Omi fixture
 * (tests/fixtures/omi/day-summary.json). Database and env are imported lazily, after
 * the test file has chosen its database and env.
 */
import fixture from "@/tests/fixtures/omi/day-summary.json";
import { postWebhook, uidQuery } from "@/tests/webhooks/sender";

export const fixtureBody = fixture;

/** The fixture's summary_json for another date, with keys replaced (or removed with undefined). */
export function summaryFor(date: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const content: Record<string, unknown> = { ...structuredClone(fixture.summary_json), date, ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete content[k];
  return content;
}

/** The fixture's legacy Python-literal `summary` string, moved to another date. */
export function legacySummaryFor(date: string): string {
  return fixture.summary.replace(`'date': '${fixture.summary_json.date}'`, `'date': '${date}'`);
}

/**
 * POSTs a day summary through the webhook route with `token` (a personal webhook token
 * or the app-wide one). `legacy`: only the Python-literal string, no summary_json.
 */
export async function sendDaySummary({
  token,
  uid,
  date,
  content,
  legacy = false,
}: {
  token: string;
  uid: string;
  date: string;
  content?: Record<string, unknown>;
  legacy?: boolean;
}) {
  const body = legacy
    ? { summary: legacySummaryFor(date), uid, created_at: `${date}T22:00:42.117906` }
    : { summary: "", summary_json: content ?? summaryFor(date), uid, created_at: `${date}T22:00:42.117906+00:00` };
  const sent = await postWebhook("day-summary", { token, query: uidQuery(uid), headers: { "idempotency-key": crypto.randomUUID() }, body });
  if (sent.status !== 200) throw new Error(`day-summary webhook answered ${sent.status}: ${JSON.stringify(sent.json)}`);
}
