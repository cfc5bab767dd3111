/**
 * Generated hostile webhook requests, each with the statuses answer table (docs/ARCHITECTURE.md "Webhook answers")
 * allows for its input class (never a 500; 503 only when the database is away, which
 * it is not here, so 503 is not allowed either).
 */
import { readFileSync } from "node:fs";
import { signOmiPayload } from "@/lib/omi/signature";
import type { Rng } from "./prng";
import type { RawRequest } from "./http";
import {
  deepArrayText,
  deepObjectText,
  invalidJsonTexts,
  invalidUtf8,
  nonObjectJson,
  oddStringLiterals,
  pathsOf,
  stringPaths,
  withLiteralAt,
  withPath,
  wrongValue,
  type Json,
} from "./values";

export type Case = RawRequest & { name: string; allowed: number[] };

export type WebhookTarget = {
  /** The account's personal webhook token (the account has `signingSecret` set). */
  token: string;
  uid: string;
  appToken: string;
  signingSecret: string;
};

export const jsonEvents = ["memory", "realtime", "day-summary", "button"] as const;
type JsonEvent = (typeof jsonEvents)[number];
type UrlForm = "path" | "path-slash" | "query" | "query-slash" | "legacy";
const forms: UrlForm[] = ["path", "path-slash", "query", "query-slash", "legacy"];

function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`../../tests/fixtures/omi/${name}`, import.meta.url), "utf8")) as Json;
}

const fixturesByEvent: Record<JsonEvent, Json[]> = {
  memory: ["memory-created.json", "memory-created-app.json", "memory-devtools-trigger.json", "memory-discarded.json"].map(fixture),
  realtime: ["realtime-batch-1.json", "realtime-batch-2.json"].map(fixture),
  "day-summary": [fixture("day-summary.json")],
  button: [{ type: "long_press", session_id: "s1" }],
};

/** The webhook path in one of the forms Omi senders use; `uid` is sent as given (already encoded). */
export function webhookPath(event: string, form: UrlForm, token: string, rawUid: string | null, extra = ""): string {
  const uidPart = rawUid === null ? "" : `uid=${rawUid}`;
  const join = (base: string, params: string[]) => {
    const q = params.filter(Boolean).join("&");
    return q ? `${base}?${q}` : base;
  };
  switch (form) {
    case "path":
      return join(`/api/webhooks/${event}/${token}`, [extra, uidPart]);
    case "path-slash":
      return join(`/api/webhooks/${event}/${token}/`, [extra, uidPart]);
    case "query":
      return join(`/api/webhooks/${event}`, [`token=${token}`, extra, uidPart]);
    case "query-slash":
      return join(`/api/webhooks/${event}/`, [`token=${token}`, extra, uidPart]);
    case "legacy":
      return `/api/webhooks/${event}?token=${token}${extra ? `?${extra}` : ""}${rawUid === null ? "" : `?uid=${rawUid}`}`;
  }
}

const jsonHeaders = { "content-type": "application/json" };

export function webhookCases(r: Rng, t: WebhookTarget): Case[] {
  const cases: Case[] = [];
  const uid = encodeURIComponent(t.uid);
  const url = (event: string, extra = "") => webhookPath(event, r.pick(forms), t.token, uid, extra);
  const add = (c: Case) => cases.push(c);

  for (const event of jsonEvents) {
    for (const body of fixturesByEvent[event]) {
      const text = JSON.stringify(body);
      // Truncated JSON: cut anywhere (a cut inside a multi-byte character included).
      const bytes = Buffer.from(text);
      for (let i = 0; i < 12; i++) {
        const cut = r.int(0, bytes.byteLength - 1);
        add({
          name: `${event} truncated at ${cut}`,
          method: "POST",
          path: url(event),
          headers: jsonHeaders,
          body: bytes.subarray(0, cut),
          allowed: [400],
        });
      }
      // Wrong types at every field path, and every field missing.
      for (const path of pathsOf(body)) {
        add({
          name: `${event} wrong type at ${path.join(".")}`,
          method: "POST",
          path: url(event),
          headers: jsonHeaders,
          body: JSON.stringify(withPath(body, path, wrongValue(r, valueAt(body, path)))),
          allowed: [200, 422],
        });
        if (r.chance(0.35)) {
          add({
            name: `${event} without ${path.join(".")}`,
            method: "POST",
            path: url(event),
            headers: jsonHeaders,
            body: JSON.stringify(withPath(body, path, undefined)),
            allowed: [200, 422],
          });
        }
      }
      // NUL and lone surrogates as JSON escapes, in values and in keys.
      const strings = stringPaths(body);
      for (const literal of oddStringLiterals) {
        const path = r.pick(strings);
        add({
          name: `${event} ${literal} at ${path.join(".")}`,
          method: "POST",
          path: url(event),
          headers: jsonHeaders,
          body: withLiteralAt(body, path, literal),
          allowed: [200, 422],
        });
      }
      add({
        name: `${event} odd keys`,
        method: "POST",
        path: url(event),
        headers: jsonHeaders,
        body: text.replace(/^\{/, '{"\\u0000key":1,"\\ud800":2,"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},'),
        allowed: [200, 422],
      });
      // Raw bytes: a NUL or control byte inside a string is not JSON; invalid UTF-8 decodes to U+FFFD.
      const path = r.pick(strings);
      const marker = "__raw_bytes_here__";
      const [before, after] = JSON.stringify(withPath(body, path, marker)).split(marker) as [string, string];
      add({
        name: `${event} raw NUL byte in a string`,
        method: "POST",
        path: url(event),
        headers: jsonHeaders,
        body: Buffer.concat([Buffer.from(before), Buffer.from([0]), Buffer.from(after)]),
        allowed: [400],
      });
      for (const bad of invalidUtf8) {
        add({
          name: `${event} invalid UTF-8 ${bad.toString("hex")}`,
          method: "POST",
          path: url(event),
          headers: jsonHeaders,
          body: Buffer.concat([Buffer.from(before), bad, Buffer.from(after)]),
          allowed: [200, 422],
        });
      }
      add({
        name: `${event} UTF-16 body`,
        method: "POST",
        path: url(event),
        headers: jsonHeaders,
        body: Buffer.from(text, "utf16le"),
        allowed: [400],
      });
    }

    const body = fixturesByEvent[event][0]!;
    const text = JSON.stringify(body);
    for (const bad of invalidJsonTexts)
      add({
        name: `${event} invalid JSON ${JSON.stringify(bad)}`,
        method: "POST",
        path: url(event),
        headers: jsonHeaders,
        body: bad,
        allowed: [400],
      });
    for (const doc of nonObjectJson) {
      // A bare array is a legacy realtime body ({segments: [...]}): "[]" is zero segments, stored.
      const allowed = event === "realtime" && doc.startsWith("[") ? [200, 422] : [400, 422];
      add({ name: `${event} non-object ${doc}`, method: "POST", path: url(event), headers: jsonHeaders, body: doc, allowed });
    }

    // Huge strings (well under the 25 MB limit) and deep nesting (10,000 levels); ids and
    // other indexed strings get one each, since a btree entry cannot hold them.
    const indexed: Record<JsonEvent, (string | number)[][]> = {
      memory: [["id"], ["transcript_segments", 0, "id"], ["structured", "action_items", 0, "description"], ["structured", "title"]],
      realtime: [["session_id"], ["segments", 0, "id"]],
      "day-summary": [["uid"], ["summary_json", "date"]],
      button: [["type"]],
    };
    for (const path of indexed[event]) {
      add({
        name: `${event} 100,000-char string at ${path.join(".")}`,
        method: "POST",
        path: url(event),
        headers: jsonHeaders,
        body: JSON.stringify(withPath(body, path, "ü".repeat(50_000) + "z".repeat(50_000))),
        allowed: [200, 422],
      });
    }
    for (const size of [300_000, 2_000_000]) {
      const path = r.pick(stringPaths(body));
      add({
        name: `${event} ${size}-char string at ${path.join(".")}`,
        method: "POST",
        path: url(event),
        headers: jsonHeaders,
        body: JSON.stringify(withPath(body, path, "é".repeat(size / 2) + "x".repeat(size / 2))),
        allowed: [200, 422],
      });
    }
    add({
      name: `${event} 10,000-deep array as the body`,
      method: "POST",
      path: url(event),
      headers: jsonHeaders,
      body: deepArrayText(10_000),
      allowed: [400, 422],
    });
    add({
      name: `${event} 10,000-deep object as the body`,
      method: "POST",
      path: url(event),
      headers: jsonHeaders,
      body: deepObjectText(10_000),
      allowed: [200, 422],
    });
    add({
      name: `${event} 10,000-deep array in an extra field`,
      method: "POST",
      path: url(event),
      headers: jsonHeaders,
      body: text.replace(/^\{/, `{"extra":${deepArrayText(10_000)},`),
      allowed: [200, 422],
    });
    {
      const path = r.pick(pathsOf(body));
      add({
        name: `${event} 10,000-deep object at ${path.join(".")}`,
        method: "POST",
        path: url(event),
        headers: jsonHeaders,
        body: withLiteralAt(body, path, deepObjectText(10_000)),
        allowed: [200, 422],
      });
    }
    add({
      name: `${event} 200,000-element array`,
      method: "POST",
      path: url(event),
      headers: jsonHeaders,
      body: text.replace(/^\{/, `{"extra":[${"0,".repeat(199_999)}0],`),
      allowed: [200, 422],
    });

    // Wrong content types (and none).
    for (const type of [
      null,
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/octet-stream",
      "text/json",
      "application/jsonx",
      "application/xml",
      "json",
      "*/*",
      "application/json\u0000",
    ]) {
      if (type?.includes("\u0000")) continue; // node:http refuses to send it; tested below with a legal odd header
      add({
        name: `${event} content type ${type}`,
        method: "POST",
        path: url(event),
        headers: type ? { "content-type": type } : {},
        body: text,
        allowed: [415],
      });
    }

    // Bad and missing tokens, in every URL form; missing uid.
    const badTokens = [
      "x",
      "ohw_" + "A".repeat(43),
      t.token + "x",
      t.token.slice(0, -1),
      t.token.toUpperCase(),
      "%00",
      encodeURIComponent("ohw_é🚀"),
      "A".repeat(3000),
      encodeURIComponent(t.appToken.toUpperCase()),
      "null",
      "undefined",
    ];
    // A token that is not valid percent-encoded UTF-8: Next.js would fail decoding the
    // route params with a plain-text 500, so proxy.ts answers these paths with a JSON 400;
    // as ?token= it is just a wrong token.
    for (const bad of ["%ED%A0%80", "%C0%AF", "%ZZ"]) {
      add({
        name: `${event} invalid UTF-8 path token ${bad}`,
        method: "POST",
        path: webhookPath(event, "path", bad, uid),
        headers: jsonHeaders,
        body: text,
        allowed: [400],
      });
      add({
        name: `${event} invalid UTF-8 ?token=${bad}`,
        method: "POST",
        path: webhookPath(event, "query", bad, uid),
        headers: jsonHeaders,
        body: text,
        allowed: [401],
      });
    }
    for (const bad of badTokens) {
      add({
        name: `${event} bad token ${bad.slice(0, 30)}`,
        method: "POST",
        path: webhookPath(event, r.pick(forms), bad, uid),
        headers: jsonHeaders,
        body: text,
        allowed: [401],
      });
    }
    add({
      name: `${event} no token`,
      method: "POST",
      path: `/api/webhooks/${event}?uid=${uid}`,
      headers: jsonHeaders,
      body: text,
      allowed: [401],
    });
    add({
      name: `${event} no token, trailing slash`,
      method: "POST",
      path: `/api/webhooks/${event}/?uid=${uid}`,
      headers: jsonHeaders,
      body: text,
      allowed: [401],
    });
    add({
      name: `${event} empty ?token=`,
      method: "POST",
      path: `/api/webhooks/${event}?token=&uid=${uid}`,
      headers: jsonHeaders,
      body: text,
      allowed: [401],
    });
    for (const form of forms) {
      add({
        name: `${event} no uid (${form})`,
        method: "POST",
        path: webhookPath(event, form, t.token, null),
        headers: jsonHeaders,
        body: text,
        allowed: [400],
      });
      add({
        name: `${event} empty uid (${form})`,
        method: "POST",
        path: webhookPath(event, form, t.token, ""),
        headers: jsonHeaders,
        body: text,
        allowed: [400],
      });
      add({
        name: `${event} blank uid (${form})`,
        method: "POST",
        path: webhookPath(event, form, t.token, "%20%20"),
        headers: jsonHeaders,
        body: text,
        allowed: [400],
      });
    }
    add({
      name: `${event} no uid, no token`,
      method: "POST",
      path: `/api/webhooks/${event}`,
      headers: jsonHeaders,
      body: text,
      allowed: [401],
    });

    // Bad, stale and malformed signatures (the account has a signing secret, so they are checked).
    const now = Math.floor(Date.now() / 1000);
    const sign = (secret: string, forUid: string, payload: string, at = now) =>
      signOmiPayload({ secret, uid: forUid, body: new TextEncoder().encode(payload), timestamp: at });
    const signatures: [string, string][] = [
      ["random digest", `t=${now},v1=${"ab".repeat(32)}`],
      ["stale", sign(t.signingSecret, t.uid, text, now - 3600)],
      ["from the future", sign(t.signingSecret, t.uid, text, now + 3600)],
      ["other secret", sign("whsec_other", t.uid, text)],
      ["other uid", sign(t.signingSecret, t.uid + "x", text)],
      ["other body", sign(t.signingSecret, t.uid, text + " ")],
      ["no t", `v1=${"ab".repeat(32)}`],
      ["no v1", `t=${now}`],
      ["garbage", "garbage"],
      ["t not a number", `t=abc,v1=${"ab".repeat(32)}`],
      ["huge t", `t=99999999999999999999,v1=${"ab".repeat(32)}`],
      ["odd hex", `t=${now},v1=abc`],
      ["non-hex", `t=${now},v1=${"zz".repeat(32)}`],
      ["many commas", ",,,=,=,t=,v1=,"],
      ["long", `t=${now},` + `v1=${"ab".repeat(32)},`.repeat(200)],
    ];
    for (const [what, header] of signatures) {
      add({
        name: `${event} signature ${what}`,
        method: "POST",
        path: url(event),
        headers: { ...jsonHeaders, "x-omi-signature": header },
        body: text,
        allowed: [401],
      });
    }
    add({
      name: `${event} signature without a token`,
      method: "POST",
      path: `/api/webhooks/${event}?uid=${uid}`,
      headers: { ...jsonHeaders, "x-omi-signature": sign(t.signingSecret, t.uid, text) },
      body: text,
      allowed: [401],
    });

    // Path and query tricks.
    const tricks: [string, string, number[]][] = [
      ["double ?uid=", `/api/webhooks/${event}/${t.token}?uid=${uid}?uid=other`, [200, 422]],
      ["repeated uid", `/api/webhooks/${event}/${t.token}?uid=${uid}&uid=other`, [200, 422]],
      ["repeated token, bad first", `/api/webhooks/${event}?token=bad&token=${t.token}&uid=${uid}`, [401]],
      ["repeated token, good first", `/api/webhooks/${event}?token=${t.token}&token=bad&uid=${uid}`, [200, 422]],
      ["overlong uid", `/api/webhooks/${event}/${t.token}?uid=${"u".repeat(5000)}`, [200, 400, 422]],
      ["unicode uid", `/api/webhooks/${event}/${t.token}?uid=${encodeURIComponent("użytkownik-🚀-\u202e")}`, [200, 400, 422]],
      ["NUL uid", `/api/webhooks/${event}/${t.token}?uid=a%00b`, [200, 400, 422]],
      ["lone surrogate uid", `/api/webhooks/${event}/${t.token}?uid=a%ED%A0%80b`, [200, 400, 422]],
      ["uid with ../", `/api/webhooks/${event}/${t.token}?uid=../../etc/passwd`, [200, 400, 422]],
      ["uid with encoded slash", `/api/webhooks/${event}/${t.token}?uid=a%2Fb%5Cc`, [200, 400, 422]],
      ["stray % in uid", `/api/webhooks/${event}/${t.token}?uid=a%zz%`, [200, 400, 422]],
      ["__proto__ params", `/api/webhooks/${event}/${t.token}?__proto__=x&constructor=y&uid=${uid}`, [200, 422]],
      ["fragment-like", `/api/webhooks/${event}/${t.token}?uid=${uid}%23frag`, [200, 400, 422]],
      ["../ in the token", `/api/webhooks/${event}/..%2F..%2Fhealth?uid=${uid}`, [401, 404]],
      ["%2e%2e as the token", `/api/webhooks/${event}/%2e%2e?uid=${uid}`, [401, 404]],
      ["encoded slash in the token", `/api/webhooks/${event}/${t.token}%2Fx?uid=${uid}`, [401]],
      ["extra segment", `/api/webhooks/${event}/${t.token}/extra?uid=${uid}`, [404]],
      // Next.js itself answers "//" with a 308 to the single-slash URL before any route or
      // proxy runs (a framework limit, reported); Settings never builds such a URL.
      ["double slash", `/api/webhooks/${event}//${t.token}?uid=${uid}`, [308]],
      ["dot segment", `/api/webhooks/${event}/./${t.token}?uid=${uid}`, [200, 401, 404, 422]],
      ["spaces around the token (trimmed, as pasted)", `/api/webhooks/${event}/%20${t.token}%20?uid=${uid}`, [200, 422]],
      [
        "1000 params",
        `/api/webhooks/${event}/${t.token}?${Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join("&")}&uid=${uid}`,
        [200, 422],
      ],
    ];
    for (const [what, path, allowed] of tricks)
      add({ name: `${event} ${what}`, method: "POST", path, headers: jsonHeaders, body: text, allowed });
    add({
      name: `${event} delivery key 10 KB`,
      method: "POST",
      path: url(event),
      headers: { ...jsonHeaders, "idempotency-key": "k".repeat(10_000) },
      body: text,
      allowed: [200, 422],
    });
  }

  // Audio: raw PCM16.
  const pcm = Buffer.alloc(3200, 1);
  const audioHeaders = { "content-type": "application/octet-stream" };
  const audioUrl = (rate: string, form = r.pick(forms)) => webhookPath("audio", form, t.token, uid, `sample_rate=${rate}`);
  for (const n of [1, 3, 15, 1601, 16001, 32_001]) {
    add({
      name: `audio odd byte count ${n}`,
      method: "POST",
      path: audioUrl("16000"),
      headers: audioHeaders,
      body: Buffer.alloc(n, 7),
      allowed: [400],
    });
  }
  add({ name: "audio empty body", method: "POST", path: audioUrl("16000"), headers: audioHeaders, body: Buffer.alloc(0), allowed: [400] });
  for (const rate of [
    "",
    "0",
    "-1",
    "999",
    "192001",
    "16000.5",
    "16000abc",
    "1e4",
    "NaN",
    "99999999999999999999",
    "%00",
    "0x3E80",
    encodeURIComponent("١٦٠٠٠"),
  ]) {
    add({
      name: `audio sample_rate ${JSON.stringify(rate)}`,
      method: "POST",
      path: audioUrl(rate),
      headers: audioHeaders,
      body: pcm,
      allowed: [400],
    });
  }
  add({
    name: "audio no sample_rate",
    method: "POST",
    path: webhookPath("audio", "path", t.token, uid),
    headers: audioHeaders,
    body: pcm,
    allowed: [400],
  });
  for (const type of [null, "application/json", "audio/wav", "text/plain", "application/octet-streamx"]) {
    add({
      name: `audio content type ${type}`,
      method: "POST",
      path: audioUrl("16000"),
      headers: type ? { "content-type": type } : {},
      body: pcm,
      allowed: [415],
    });
  }
  for (const bad of ["x", t.token + "x", "%00", "A".repeat(3000)]) {
    add({
      name: `audio bad token ${bad.slice(0, 20)}`,
      method: "POST",
      path: webhookPath("audio", r.pick(forms), bad, uid, "sample_rate=16000"),
      headers: audioHeaders,
      body: pcm,
      allowed: [401],
    });
  }
  add({
    name: "audio no uid",
    method: "POST",
    path: webhookPath("audio", "path", t.token, null, "sample_rate=16000"),
    headers: audioHeaders,
    body: pcm,
    allowed: [400],
  });
  add({
    name: "audio stale signature",
    method: "POST",
    path: audioUrl("16000"),
    headers: {
      ...audioHeaders,
      "x-omi-signature": signOmiPayload({
        secret: t.signingSecret,
        uid: t.uid,
        body: pcm,
        timestamp: Math.floor(Date.now() / 1000) - 7200,
      }),
    },
    body: pcm,
    allowed: [401],
  });
  add({
    name: "audio repeated sample_rate, bad first",
    method: "POST",
    path: webhookPath("audio", "path", t.token, uid, "sample_rate=0&sample_rate=16000"),
    headers: audioHeaders,
    body: pcm,
    allowed: [400],
  });
  add({
    name: "audio legacy query with a bad rate",
    method: "POST",
    path: `/api/webhooks/audio/${t.token}?sample_rate=abc?uid=${uid}`,
    headers: audioHeaders,
    body: pcm,
    allowed: [400],
  });

  // Bodies over WEBHOOK_MAX_BODY_BYTES (default 25 MB): streamed without a length, and declared.
  const over = 25 * 1024 * 1024 + 64 * 1024;
  add({
    name: "memory streamed body over the limit",
    method: "POST",
    path: url("memory"),
    headers: jsonHeaders,
    body: { streamBytes: over },
    allowed: [413],
  });
  add({
    name: "audio streamed body over the limit",
    method: "POST",
    path: audioUrl("16000"),
    headers: audioHeaders,
    body: { streamBytes: over },
    allowed: [413],
  });
  add({
    name: "memory declared length over the limit",
    method: "POST",
    path: url("memory"),
    headers: jsonHeaders,
    body: { streamBytes: over, declaredLength: over },
    allowed: [413],
  });
  add({
    name: "realtime over the limit without a token",
    method: "POST",
    path: `/api/webhooks/realtime?uid=${uid}`,
    headers: jsonHeaders,
    body: { streamBytes: over },
    allowed: [401, 413],
  });
  return cases;
}

function valueAt(value: Json, path: (string | number)[]): Json {
  let node = value;
  for (const k of path) node = (node as Record<string, Json>)[k as string]!;
  return node;
}
