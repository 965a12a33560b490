// The id window behind de-duplication: UUIDs are kept as bits in a typed table, other ids in a Set.
import { describe, expect, it } from "vitest";
import { recentIds } from "../../src/datasets/recentIds";

const uuid = (n: number) => `0190f3a2-${n.toString(16).padStart(4, "0")}-7abc-8def-${n.toString(16).padStart(12, "0")}`;

describe("recentIds", () => {
  it("sees a UUID once, and tells UUIDs that differ in one digit apart", () => {
    const ids = recentIds(100);
    expect(ids.firstSeen(uuid(1))).toBe(true);
    expect(ids.firstSeen(uuid(2))).toBe(true);
    expect(ids.firstSeen(uuid(1))).toBe(false);
    expect(ids.firstSeen(uuid(2))).toBe(false);
  });

  it("keeps ids that are no lowercase UUID apart from the UUIDs and from each other", () => {
    const ids = recentIds(100);
    const upper = uuid(3).toUpperCase();
    expect(ids.firstSeen(uuid(3))).toBe(true);
    expect(ids.firstSeen(upper)).toBe(true);
    expect(ids.firstSeen(upper)).toBe(false);
    expect(ids.firstSeen("retry-1")).toBe(true);
    expect(ids.firstSeen("retry-1")).toBe(false);
    expect(ids.firstSeen("00000000-0000-0000-0000-000000000000")).toBe(true);
    expect(ids.firstSeen("00000000-0000-0000-0000-000000000000")).toBe(false);
  });

  it("remembers at least the last `limit` ids and forgets older generations", () => {
    const ids = recentIds(1000);
    for (let n = 1; n <= 5000; n++) expect(ids.firstSeen(uuid(n))).toBe(true);
    for (let n = 4001; n <= 5000; n++) expect(ids.firstSeen(uuid(n))).toBe(false);
    expect(ids.firstSeen(uuid(1))).toBe(true);
  });

  it("remembers every id with Infinity", () => {
    const ids = recentIds(Number.POSITIVE_INFINITY);
    for (let n = 1; n <= 3000; n++) ids.firstSeen(uuid(n));
    expect(ids.firstSeen(uuid(1))).toBe(false);
  });
});

describe("recentIds with ids that are almost UUIDs", () => {
  it("keeps an id with a non-hex digit apart from the UUID it resembles", () => {
    const ids = recentIds(100);
    const id = uuid(5);
    const bent = `${id.slice(0, 10)}g${id.slice(11)}`;
    expect(ids.firstSeen(id)).toBe(true);
    expect(ids.firstSeen(bent)).toBe(true);
    expect(ids.firstSeen(bent)).toBe(false);
  });
});
