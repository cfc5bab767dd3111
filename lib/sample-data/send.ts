/**
 * "Send sample data": POSTs the sample through this account's real personal webhook
 * URLs, over HTTP to the app's own origin, so the whole path Omi uses (token in the
 * path, wrapper, validation, ingest, delivery log, live fan-out) runs and the person
 * sees every page fill. The origin is the one the request came to (APP_URL may be a
 * tunnel this server can't reach); the URLs carry only the caller's own webhook token,
 * which the caller can already read. If the loopback request can't connect at all
 * (some hosts block it), the same Request goes to the webhook handler in-process.
 */
import { webhookUrlsFor } from "@/lib/accounts/webhook-urls";
import { log } from "@/lib/log";
import { webhookRoute } from "@/lib/webhooks/handler";
import { sampleRequests, sampleUid, type SamplePart, type SampleRequest } from "./bodies";

export type SampleSendResult = {
  part: SamplePart;
  uid: string;
  requests: { event: SampleRequest["event"]; status: number }[];
  ok: boolean;
};

const REQUEST_TIMEOUT_MS = 15_000;

function requestFor(url: string, r: SampleRequest): Request {
  return new Request(url, {
    method: "POST",
    headers: {
      "content-type": r.contentType,
      // What Omi's developer webhooks send: a fresh key per delivery (ingest upserts make repeats harmless).
      "idempotency-key": crypto.randomUUID(),
      "user-agent": "OmiHub-SampleData/1",
    },
    body: r.body as BodyInit,
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

async function post(url: string, token: string, r: SampleRequest): Promise<number> {
  try {
    const res = await fetch(requestFor(url, r));
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch (err) {
    // Only a connection failure falls back; an answer (even an error) is the answer.
    log.warn("sample data: loopback request failed, calling the webhook handler in-process", { event: r.event, err: String(err) });
    const res = await webhookRoute(r.event)(requestFor(url, r), { params: Promise.resolve({ token }) });
    return res.status;
  }
}

export async function sendSamplePart({
  userId,
  origin,
  part,
  timeZone,
}: {
  userId: string;
  /** Where this app answers, e.g. http://127.0.0.1:3000 (the request's own origin). */
  origin: string;
  part: SamplePart;
  timeZone?: string;
}): Promise<SampleSendResult> {
  const { token, urls } = await webhookUrlsFor({ userId, baseUrl: origin.replace(/\/+$/, "") });
  const uid = sampleUid(userId);
  const results: SampleSendResult["requests"] = [];
  // In order, one at a time, like Omi: live batches and audio chunks depend on arrival order.
  for (const r of sampleRequests({ part, userId, timeZone })) {
    const query = new URLSearchParams({ ...r.query, uid }).toString();
    results.push({ event: r.event, status: await post(`${urls[r.event]}?${query}`, token, r) });
  }
  return { part, uid, requests: results, ok: results.every((r) => r.status >= 200 && r.status < 300) };
}
