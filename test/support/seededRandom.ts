/**
 * mulberry32: a tiny, fast, seeded generator of floats in [0, 1). The benchmarks' texts and event files and the
 * demo's ids come from it, so the same seed gives the same data on every machine and runs compare.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
