import { describe, expect, it } from "vitest";
import { isLaterRating } from "../../src/datasets/latestRating";
import { seededRandom } from "../support/seededRandom";

// The rule, spelled out: the later instant wins, and at the same instant the greater id.
function expected(a: { ts: string; id: string }, b: { ts: string; id: string }): boolean {
  const [timeA, timeB] = [Date.parse(a.ts), Date.parse(b.ts)];
  return timeA > timeB || (timeA === timeB && a.id > b.id);
}

// One instant written the ways RFC 3339 allows: as toISOString does, without milliseconds, with an offset.
function spellings(ms: number): string[] {
  const iso = new Date(ms).toISOString();
  const shifted = new Date(ms + 2 * 3600_000).toISOString();
  const forms = [iso, `${shifted.slice(0, 23)}+02:00`];
  if (ms % 1000 === 0) forms.push(`${iso.slice(0, 19)}Z`);
  return forms;
}

describe("isLaterRating", () => {
  it("orders by instant, then id, whichever way the times are written", () => {
    const random = seededRandom(7);
    const base = Date.parse("2026-03-01T00:00:00.000Z");
    for (let i = 0; i < 2_000; i++) {
      // Close instants, often the same millisecond, sometimes a whole second.
      const msA = base + Math.floor(random() * 3) * 1000 + (random() < 0.5 ? 0 : Math.floor(random() * 3));
      const msB = base + Math.floor(random() * 3) * 1000 + (random() < 0.5 ? 0 : Math.floor(random() * 3));
      const formsA = spellings(msA);
      const formsB = spellings(msB);
      const a = { ts: formsA[Math.floor(random() * formsA.length)] as string, id: random() < 0.5 ? "a1" : "a2" };
      const b = { ts: formsB[Math.floor(random() * formsB.length)] as string, id: random() < 0.5 ? "a1" : "a3" };
      expect(isLaterRating(a, b), `${a.ts} ${a.id} vs ${b.ts} ${b.id}`).toBe(expected(a, b));
    }
  });

  it("compares toISOString times across years and months as instants", () => {
    const earlier = { ts: "2025-12-31T23:59:59.999Z", id: "b" };
    const later = { ts: "2026-01-01T00:00:00.000Z", id: "a" };
    expect(isLaterRating(later, earlier)).toBe(true);
    expect(isLaterRating(earlier, later)).toBe(false);
    expect(isLaterRating({ ts: later.ts, id: "b" }, later)).toBe(true);
  });
});
