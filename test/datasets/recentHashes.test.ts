// The window of settled prompts' hashes: the same answers as recentSet, without a Set of boxed numbers.
import { describe, expect, it } from "vitest";
import { recentHashes } from "../../src/datasets/recentHashes";
import { recentSet } from "../../src/datasets/recentSet";
import { stringHash } from "../../src/datasets/stringHash";

describe("recentHashes", () => {
  it("answers as recentSet does over a long stream, repeats, generations and all", () => {
    const limit = 500;
    const hashes = recentHashes(limit);
    const reference = recentSet<number>(limit);
    // A pool small enough that values come back within and beyond the window; 0 and the largest hash too.
    const pool = [0, 2 ** 53 - 1, ...Array.from({ length: 3000 }, (_, i) => stringHash(`prompt ${i}`))];
    let state = 7;
    for (let step = 0; step < 40_000; step++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const value = pool[state % pool.length] as number;
      expect(hashes.has(value)).toBe(reference.has(value));
      // Added again whether seen or not: a value of the previous generation joins the current one.
      hashes.add(value);
      reference.add(value);
    }
  });

  it("remembers everything with Infinity", () => {
    const hashes = recentHashes(Number.POSITIVE_INFINITY);
    for (let i = 0; i < 5000; i++) hashes.add(stringHash(`p${i}`));
    expect(hashes.has(stringHash("p0"))).toBe(true);
    expect(hashes.has(stringHash("never added"))).toBe(false);
  });
});
