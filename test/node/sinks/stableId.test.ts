import { createHash } from "node:crypto";
import fc from "fast-check";
import { stableId, uuidv5 } from "../../../src/sinks/vendor/stableId";

const DNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

function referenceV5(name: string, namespace: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe("uuidv5", () => {
  it("matches the published example (www.example.com in the DNS namespace)", () => {
    expect(uuidv5("www.example.com", DNS)).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("matches Node's SHA-1 for any name, including long and non-ASCII ones", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (name) => {
        expect(uuidv5(name, DNS)).toBe(referenceV5(name, DNS));
      }),
    );
  });
});

describe("stableId", () => {
  it("is the same for the same feedbackKey and signal, and differs otherwise", () => {
    expect(stableId("msg-1:rating", "user_feedback")).toBe(stableId("msg-1:rating", "user_feedback"));
    expect(stableId("msg-1:rating", "user_feedback")).not.toBe(stableId("msg-2:rating", "user_feedback"));
    expect(stableId("msg-1:rating", "user_feedback")).not.toBe(stableId("msg-1:rating", "user_copy"));
    expect(stableId("a", "bc")).not.toBe(stableId("ab", "c"));
  });
});
