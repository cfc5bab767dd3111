import { describe, expect, it } from "vitest";
import { parseSignatureHeader, signOmiPayload, verifyOmiSignature } from "./signature";

const secret = "whsec_test_secret";
const body = new TextEncoder().encode('{"id":"m1","text":"São Paulo 🚀"}');
const now = 1_773_340_000;

describe("Omi signature", () => {
  it("verifies what the sender signs", () => {
    const header = signOmiPayload({ secret, uid: "U1", body, timestamp: now });
    expect(verifyOmiSignature({ header, secret, uid: "U1", body, nowSeconds: now, toleranceSeconds: 300 })).toBe("valid");
  });

  it("matches a known HMAC (hex of HMAC-SHA256(secret, t.uid.body))", () => {
    // python: hmac.new(b"k", b"1.u.{}", hashlib.sha256).hexdigest()
    expect(signOmiPayload({ secret: "k", uid: "u", body: "{}", timestamp: 1 })).toBe(
      "t=1,v1=cf12e326a5c3fe33048dccf396e667335b8f714f6e118b84ff7d05b14f572eb7",
    );
  });

  it("accepts any of several v1 entries (rotation)", () => {
    const good = signOmiPayload({ secret, uid: "U1", body, timestamp: now }).split(",")[1];
    const header = `t=${now},v1=${"0".repeat(64)},${good}`;
    expect(verifyOmiSignature({ header, secret, uid: "U1", body, nowSeconds: now, toleranceSeconds: 300 })).toBe("valid");
  });

  it.each([
    ["another uid", { uid: "U2" }],
    ["another body", { body: new TextEncoder().encode("{}") }],
    ["another secret", { secret: "whsec_other" }],
  ])("refuses a signature made for %s", (_name, change) => {
    const header = signOmiPayload({ secret, uid: "U1", body, timestamp: now });
    const input = { header, secret, uid: "U1", body, nowSeconds: now, toleranceSeconds: 300, ...change };
    expect(verifyOmiSignature(input)).toBe("invalid");
  });

  it("calls a genuine but old signature stale, in both directions", () => {
    const old = signOmiPayload({ secret, uid: "U1", body, timestamp: now - 301 });
    const future = signOmiPayload({ secret, uid: "U1", body, timestamp: now + 301 });
    const edge = signOmiPayload({ secret, uid: "U1", body, timestamp: now - 300 });
    const check = (header: string) => verifyOmiSignature({ header, secret, uid: "U1", body, nowSeconds: now, toleranceSeconds: 300 });
    expect(check(old)).toBe("stale");
    expect(check(future)).toBe("stale");
    expect(check(edge)).toBe("valid");
  });

  it.each(["", "garbage", "t=abc,v1=00", `t=${now}`, "v1=00", `t=${now},v1=zz`, `t=${now},v1=00`])(
    "refuses the malformed header %j",
    (header) => {
      expect(verifyOmiSignature({ header, secret, uid: "U1", body, nowSeconds: now, toleranceSeconds: 300 })).toBe("invalid");
    },
  );

  it("parses headers with spaces", () => {
    expect(parseSignatureHeader(" t=5 , v1=ab , v1=cd")).toEqual({ t: "5", v1: ["ab", "cd"] });
  });
});
