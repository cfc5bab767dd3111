import { describe, expect, it } from "vitest";
import { parseWebhookQuery } from "./query";

describe("parseWebhookQuery", () => {
  it.each([
    ["current sender", "?uid=U1", { uid: "U1", token: null, sampleRate: null }],
    ["query token, & merge", "?token=T1&uid=U1", { uid: "U1", token: "T1", sampleRate: null }],
    ["query token, legacy second ?", "?token=T1?uid=U1", { uid: "U1", token: "T1", sampleRate: null }],
    ["audio, current", "?sample_rate=16000&uid=U1", { uid: "U1", token: null, sampleRate: "16000" }],
    ["audio, legacy second ?", "?sample_rate=16000?uid=U1", { uid: "U1", token: null, sampleRate: "16000" }],
    ["audio with query token, legacy", "?token=T1?sample_rate=8000?uid=U1", { uid: "U1", token: "T1", sampleRate: "8000" }],
    ["uid before other params", "?uid=U1&sample_rate=16000", { uid: "U1", token: null, sampleRate: "16000" }],
    ["uid then token (merged by current code)", "?uid=U1&token=T1", { uid: "U1", token: "T1", sampleRate: null }],
    ["raw uid with odd characters", "?uid=a&b?c=d e|f%", { uid: "a&b?c=d e|f%", token: null, sampleRate: null }],
    ["uid with a stray % after an escape", "?uid=a%20b%", { uid: "a b%", token: null, sampleRate: null }],
    ["percent-encoded uid", "?uid=a%2Bb%20c", { uid: "a+b c", token: null, sampleRate: null }],
    ["raw uid keeps +", "?uid=a+b", { uid: "a+b", token: null, sampleRate: null }],
    ["no uid", "?token=T1", { uid: null, token: "T1", sampleRate: null }],
    ["empty uid", "?uid=", { uid: null, token: null, sampleRate: null }],
    ["nothing", "", { uid: null, token: null, sampleRate: null }],
    ["legacy audio as Next.js re-encodes it", "?sample_rate=16000%3Fuid%3DU1", { uid: "U1", token: null, sampleRate: "16000" }],
    ["legacy token as Next.js re-encodes it", "?token=T1%3Fuid%3DU1", { uid: "U1", token: "T1", sampleRate: null }],
    ["legacy chain re-encoded", "?token=T1%3Fsample_rate%3D8000%3Fuid%3DU%7C1", { uid: "U|1", token: "T1", sampleRate: "8000" }],
    ["an encoded ? inside a value stays", "?token=T1&uid=U1&note=what%3F", { uid: "U1", token: "T1", sampleRate: null }],
    ["a param merely ending in uid is not the uid", "?myuid=X&uid=U1", { uid: "U1", token: null, sampleRate: null }],
    ["without the leading ?", "uid=U1&token=T1", { uid: "U1", token: "T1", sampleRate: null }],
    ["first occurrence wins", "?token=T1&token=T2&uid=U1", { uid: "U1", token: "T1", sampleRate: null }],
  ])("%s: %s", (_name, search, expected) => {
    const q = parseWebhookQuery(search);
    expect({ uid: q.uid, token: q.token, sampleRate: q.sampleRate }).toEqual(expected);
  });

  it("keeps every parameter, including odd names, as plain data", () => {
    const q = parseWebhookQuery("?__proto__=x&constructor=y&uid=U1");
    expect(q.params.__proto__).toBe("x");
    expect(q.params.constructor).toBe("y");
    expect(q.params.uid).toBe("U1");
  });
});
