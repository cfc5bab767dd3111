/**
 * Generated hostile requests for the JSON API (/api/v1/**, notifications/send,
 * setup-completed, cron/maintenance): bad query values, ids, bodies, content types and
 * credentials. Each carries the statuses it may answer; never 5xx.
 */
import type { Rng } from "./prng";
import type { Case } from "./webhook-cases";
import { deepArrayText, deepObjectText, invalidJsonTexts, nonObjectJson } from "./values";

export type ApiTarget = {
  /** Bearer API token of the suite's account. */
  apiToken: string;
  email: string;
};

const listRoutes: { path: string; params: Record<string, "limit" | "cursor" | "date" | "text" | "enum" | "number"> }[] = [
  {
    path: "/api/v1/memories",
    params: { q: "text", category: "text", from: "date", to: "date", discarded: "enum", omiId: "text", cursor: "cursor", limit: "limit" },
  },
  { path: "/api/v1/facts", params: { q: "text", category: "text", cursor: "cursor", limit: "limit" } },
  { path: "/api/v1/deliveries/missed", params: { days: "number", limit: "limit" } },
  { path: "/api/v1/action-items", params: { status: "enum", cursor: "cursor", limit: "limit" } },
  { path: "/api/v1/day-summaries", params: { from: "date", to: "date", uid: "text" } },
  {
    path: "/api/v1/deliveries",
    params: { event: "enum", status: "enum", signed: "enum", from: "date", to: "date", cursor: "cursor", limit: "limit", uid: "text" },
  },
  { path: "/api/v1/deliveries/summary", params: { hours: "number" } },
  { path: "/api/v1/live/segments", params: { after: "cursor", sessionId: "text", limit: "limit" } },
  { path: "/api/v1/live/sessions", params: { cursor: "cursor", limit: "limit" } },
  { path: "/api/v1/notifications", params: { cursor: "cursor", limit: "limit", status: "enum" } },
  { path: "/api/v1/recordings", params: { from: "date", to: "date", cursor: "cursor", limit: "limit" } },
];

const plainGets = [
  "/api/v1/account",
  "/api/v1/account/webhooks",
  "/api/v1/links",
  "/api/v1/tokens",
  "/api/v1/notification-rules",
  "/api/v1/notification-settings",
  "/api/v1/recordings/retention",
  "/api/v1/omi-sync/links",
];

const detailRoutes = [
  "/api/v1/memories/{id}",
  "/api/v1/memories/{id}/export",
  "/api/v1/deliveries/{id}",
  "/api/v1/links/{id}",
  "/api/v1/notification-rules/{id}",
  "/api/v1/notifications/{id}",
  "/api/v1/recordings/{id}",
  "/api/v1/recordings/{id}/audio",
  "/api/v1/day-summaries/{id}",
  "/api/v1/omi-sync/jobs/{id}",
];

/** Writes and the fields their bodies have; `guard` values must never be sent (they would succeed and change the account). */
const writeRoutes: { method: string; path: string; fields: string[]; guard?: "no-null" | "no-short-string" }[] = [
  { method: "PATCH", path: "/api/v1/account", fields: ["timeZone"] },
  { method: "DELETE", path: "/api/v1/account", fields: ["confirmEmail"], guard: "no-short-string" },
  { method: "PUT", path: "/api/v1/account/signing-secret", fields: ["secret"], guard: "no-short-string" },
  { method: "DELETE", path: "/api/v1/data", fields: ["confirm"], guard: "no-short-string" },
  { method: "PATCH", path: "/api/v1/action-items/{id}", fields: ["completed"] },
  { method: "POST", path: "/api/v1/deliveries/{id}/replay", fields: [] },
  { method: "POST", path: "/api/v1/links", fields: ["uid"], guard: "no-short-string" },
  { method: "POST", path: "/api/v1/links/{id}/code", fields: ["automatic"] },
  { method: "POST", path: "/api/v1/links/{id}/verify", fields: ["code"] },
  { method: "PATCH", path: "/api/v1/links/{id}", fields: ["nickname"] },
  { method: "DELETE", path: "/api/v1/links/{id}", fields: [] },
  { method: "POST", path: "/api/v1/notification-rules", fields: ["name", "trigger", "scopes", "template", "enabled", "keywords"] },
  { method: "PATCH", path: "/api/v1/notification-rules/{id}", fields: ["name", "enabled"] },
  { method: "DELETE", path: "/api/v1/notification-rules/{id}", fields: [] },
  { method: "POST", path: "/api/v1/notification-rules/test", fields: ["rule", "sampleText"] },
  { method: "PATCH", path: "/api/v1/notification-settings", fields: ["quietHours", "enabled", "timeZone"] },
  { method: "PATCH", path: "/api/v1/recordings/retention", fields: ["days", "retentionDays"] },
  { method: "DELETE", path: "/api/v1/recordings/{id}", fields: [] },
  { method: "POST", path: "/api/v1/sample-data", fields: ["part"], guard: "no-short-string" },
  { method: "POST", path: "/api/v1/tokens", fields: ["name"], guard: "no-short-string" },
  { method: "DELETE", path: "/api/v1/tokens/{id}", fields: [] },
  { method: "POST", path: "/api/notifications/send", fields: ["user_id", "type", "message", "data"] },
  { method: "PUT", path: "/api/v1/omi-sync/links/{id}", fields: ["key"] },
  { method: "DELETE", path: "/api/v1/omi-sync/links/{id}", fields: [] },
  { method: "POST", path: "/api/v1/omi-sync/links/{id}/import", fields: [] },
  { method: "POST", path: "/api/v1/omi-sync/links/{id}/reconcile", fields: [] },
  { method: "POST", path: "/api/v1/omi-sync/jobs/{id}/step", fields: [] },
  { method: "POST", path: "/api/v1/omi-sync/jobs/{id}/cancel", fields: [] },
];

const badValues = {
  limit: [
    "0",
    "-1",
    "101",
    "1000001",
    "1e9",
    "abc",
    "1.5",
    "%20",
    "NaN",
    "Infinity",
    "0x10",
    "99999999999999999999999",
    "-0",
    "1,2",
    "%00",
    "%F0%9F%98%80",
  ],
  cursor: [
    "abc",
    "%00",
    "..%2F..",
    "eyJ4IjoxfQ",
    "eyJ0Ijoibm90LWEtZGF0ZSIsImlkIjoxfQ",
    "W10",
    "bnVsbA",
    "A".repeat(1500),
    "%F0%9F%92%A9",
    "%ED%A0%80",
    "null",
    "-1",
    "1%7C2%7C3",
    "2024-01-01T00:00:00Z%7Cx",
    "%7B%7D",
    "MTcwMDAwMDAwMDAwMDp4",
  ],
  date: [
    "2024-13-45",
    "yesterday",
    "99999-01-01",
    "0000-00-00",
    "2024-02-30",
    "2024-01-01T25:00",
    "2024-01-01T00:00:00%2B99:99",
    "%00",
    "1e10",
    "2024-1-1",
    "%27%3B%20drop%20table%20users%3B--",
    "-000001-01-01",
    "275760-09-14",
  ],
  text: ["%00", "%ED%A0%80", "A".repeat(5000), "%F0%9F%92%A9%E2%80%AE", "%25", "%27%22%3C%3E", "*", "%5C", "a%20%26%20b%20%7C%20!c"],
  enum: ["x", "%00", "TRUE", "1", "A".repeat(300), "__proto__", "constructor"],
  number: ["0", "-1", "169", "1e9", "abc", "1.5", "%00", "NaN"],
} as const;

const badIds = [
  "x",
  "0",
  "-1",
  "00000000-0000-0000-0000-000000000000",
  "%00",
  "%ED%A0%80",
  "%F0%9F%98%80",
  "..%2F..%2Faccount",
  "%2e%2e",
  "a".repeat(300),
  "1%20OR%201=1",
  "%27",
  "2024-02-30",
  "9999-99-99",
  "__proto__",
  "%2F",
];

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

export function apiCases(r: Rng, t: ApiTarget): Case[] {
  const cases: Case[] = [];
  const add = (c: Case) => cases.push(c);
  const auth = bearer(t.apiToken);
  const json = { ...auth, "content-type": "application/json" };
  const everyGet = [...listRoutes.map((l) => l.path), ...plainGets, "/api/v1/data", "/api/v1/live/stream"];

  // Credentials: none, wrong, malformed, a forged cookie.
  const badAuth: Record<string, string>[] = [
    {},
    { authorization: "Bearer oht_" + "A".repeat(43) },
    { authorization: "Bearer " },
    { authorization: "Bearer" },
    { authorization: `Bearer ${t.apiToken} extra` },
    { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` },
    { authorization: `bearer ${t.apiToken}x` },
    { authorization: "Bearer " + "x".repeat(4000) },
    { cookie: "authjs.session-token=forged" },
    { cookie: "__Secure-authjs.session-token=eyJhbGciOiJub25lIn0.e30." },
    { cookie: "authjs.session-token.0=a; authjs.session-token.1=b" },
  ];
  for (const path of everyGet)
    for (const headers of badAuth)
      add({ name: `GET ${path} auth ${JSON.stringify(headers).slice(0, 40)}`, method: "GET", path, headers, allowed: [401] });
  for (const w of writeRoutes) {
    const path = w.path.replace("{id}", crypto.randomUUID());
    for (const headers of badAuth) {
      add({
        name: `${w.method} ${w.path} auth ${JSON.stringify(headers).slice(0, 40)}`,
        method: w.method,
        path,
        headers: { ...headers, "content-type": "application/json" },
        body: "{}",
        allowed: [401],
      });
    }
  }
  for (const headers of badAuth)
    add({
      name: `POST webhook-token auth ${JSON.stringify(headers).slice(0, 40)}`,
      method: "POST",
      path: "/api/v1/account/webhook-token",
      headers,
      allowed: [401],
    });
  for (const headers of [{}, { authorization: "Bearer wrong" }, { authorization: "Bearer " }] as Record<string, string>[]) {
    add({ name: `GET cron ${JSON.stringify(headers)}`, method: "GET", path: "/api/cron/maintenance", headers, allowed: [401] });
  }

  // Bad query values on every list route, one parameter at a time, plus repeats and floods.
  for (const { path, params } of listRoutes) {
    for (const [name, kind] of Object.entries(params)) {
      for (const value of badValues[kind]) {
        const extra = path === "/api/v1/day-summaries" && name !== "from" && name !== "to" ? "&from=2024-01-01&to=2024-01-31" : "";
        // 404: a filter naming something that does not exist (a live session id).
        add({
          name: `GET ${path} ${name}=${value.slice(0, 30)}`,
          method: "GET",
          path: `${path}?${name}=${value}${extra}`,
          headers: auth,
          allowed: [200, 400, 404, 422],
        });
      }
    }
    add({
      name: `GET ${path} repeated params`,
      method: "GET",
      path: `${path}?limit=1&limit=2&cursor=a&cursor=b&from=2024-01-01&from=x`,
      headers: auth,
      allowed: [200, 400, 422],
    });
    add({
      name: `GET ${path} 500 unknown params`,
      method: "GET",
      path: `${path}?${Array.from({ length: 500 }, (_, i) => `x${i}=${i}`).join("&")}`,
      headers: auth,
      allowed: [200, 400, 422],
    });
    add({
      name: `GET ${path} __proto__ params`,
      method: "GET",
      path: `${path}?__proto__=1&constructor=2&toString=3`,
      headers: auth,
      allowed: [200, 400, 422],
    });
    add({ name: `GET ${path} malformed query`, method: "GET", path: `${path}?%%%&=&&==&%zz=%`, headers: auth, allowed: [200, 400, 422] });
  }
  add({
    name: "GET day-summaries span too long",
    method: "GET",
    path: "/api/v1/day-summaries?from=1900-01-01&to=2100-01-01",
    headers: auth,
    allowed: [400, 422],
  });
  add({
    name: "GET day-summaries to before from",
    method: "GET",
    path: "/api/v1/day-summaries?from=2024-02-01&to=2024-01-01",
    headers: auth,
    allowed: [400, 422],
  });
  for (const cursor of ["A".repeat(9000), "%00"]) {
    add({
      name: `GET live stream cursor ${cursor.slice(0, 10)}`,
      method: "GET",
      path: `/api/v1/live/stream?cursor=${cursor}`,
      headers: auth,
      allowed: [200, 400, 422, 429],
    });
  }

  // Bad ids on every detail route.
  for (const route of detailRoutes) {
    for (const id of [...badIds, crypto.randomUUID()]) {
      add({
        name: `GET ${route} id=${id.slice(0, 30)}`,
        method: "GET",
        path: route.replace("{id}", id),
        headers: auth,
        allowed: [400, 404, 422],
      });
    }
  }
  add({
    name: "GET export format=exe",
    method: "GET",
    path: `/api/v1/memories/${crypto.randomUUID()}/export?format=exe`,
    headers: auth,
    allowed: [400, 404, 422],
  });

  // Bad bodies on every write: invalid JSON, non-objects, wrong content types, wrong types, huge and odd strings, deep nesting.
  for (const w of writeRoutes) {
    const path = () => w.path.replace("{id}", r.chance(0.5) ? crypto.randomUUID() : r.pick(badIds));
    const allowed = [400, 404, 409, 415, 422];
    const headers =
      w.path === "/api/notifications/send" ? { "content-type": "application/json", authorization: "Bearer e2e-notify-key" } : json;
    for (const text of invalidJsonTexts)
      add({
        name: `${w.method} ${w.path} invalid JSON ${JSON.stringify(text).slice(0, 20)}`,
        method: w.method,
        path: path(),
        headers,
        body: text,
        allowed: [...allowed, ...(text.trim() === "" && w.fields.length === 0 ? [200] : [])],
      });
    for (const doc of nonObjectJson)
      add({
        name: `${w.method} ${w.path} body ${doc}`,
        method: w.method,
        path: path(),
        headers,
        body: doc,
        allowed: w.fields.length === 0 ? [200, ...allowed] : allowed,
      });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"]) {
      add({
        name: `${w.method} ${w.path} content type ${type}`,
        method: w.method,
        path: path(),
        headers: { ...headers, "content-type": type },
        body: "{}",
        allowed: w.fields.length === 0 ? [200, ...allowed] : allowed,
      });
    }
    const values: unknown[] = [12345, -1, 1.5, true, [], ["a"], {}, { a: { b: 1 } }, "x".repeat(100_000), "\u0000", "\ud800"];
    for (const field of w.fields) {
      for (const value of values) {
        if (w.guard === "no-short-string" && typeof value === "string" && value.length < 1000) continue;
        const body = JSON.stringify({ [field]: value });
        add({
          name: `${w.method} ${w.path} ${field}=${JSON.stringify(value).slice(0, 20)}`,
          method: w.method,
          path: path(),
          headers,
          body,
          allowed: w.guard ? allowed : [200, 201, 202, ...allowed],
        });
      }
    }
    add({ name: `${w.method} ${w.path} deep array`, method: w.method, path: path(), headers, body: deepArrayText(10_000), allowed });
    add({
      name: `${w.method} ${w.path} deep object`,
      method: w.method,
      path: path(),
      headers,
      body: deepObjectText(10_000),
      allowed: w.fields.length === 0 ? [200, ...allowed] : allowed,
    });
    add({
      name: `${w.method} ${w.path} 3 MB body`,
      method: w.method,
      path: path(),
      headers,
      body: JSON.stringify({ [w.fields[0] ?? "x"]: "y".repeat(3_000_000) }),
      allowed: w.guard ? allowed : [200, 201, 202, 413, ...allowed],
    });
  }

  // Range tricks on a recording that does not exist (the spec adds some on a real one).
  for (const range of ["bytes=abc", "bytes=5-1", "bytes=-0", "bytes=99999999999999999999-", "bytes=0-1,2-3", "items=0-1"]) {
    add({
      name: `GET audio range ${range}`,
      method: "GET",
      path: `/api/v1/recordings/${crypto.randomUUID()}/audio`,
      headers: { ...auth, range },
      allowed: [404],
    });
  }

  // Public helpers Omi calls.
  for (const q of [
    "",
    "?uid=",
    "?uid=%00",
    `?uid=${"u".repeat(5000)}`,
    "?uid=%ED%A0%80",
    "?uid=a&uid=b",
    "?uid=..%2F..",
    "?uid=%F0%9F%98%80",
  ]) {
    add({ name: `GET setup-completed ${q.slice(0, 20)}`, method: "GET", path: `/api/setup-completed${q}`, allowed: [200, 400, 422] });
  }
  return cases;
}
