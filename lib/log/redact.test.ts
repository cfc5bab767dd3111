import { describe, expect, it } from "vitest";
import { redact } from "./redact";

describe("redact", () => {
  it.each([
    ["/api/webhooks/memory/ohw_abcdefghijklmnop?uid=u1", "/api/webhooks/memory/[redacted]?uid=u1"],
    ["/api/webhooks/audio?token=secret123&uid=u1", "/api/webhooks/audio?token=[redacted]&uid=u1"],
    ["Authorization: Bearer oht_abcdefghijkl", "Authorization: Bearer [redacted]"],
    ["secret whsec_AbC123+/= here", "secret whsec_[redacted] here"],
    ["token oht_abcdefghijklmnop in text", "token oht_[redacted] in text"],
  ])("%s", (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});
