import type { Deadline } from "./deadline";
import { type EditScript, pushRun } from "./editScript";

/**
 * Myers' O(ND) greedy diff of `a[aLo, aHi)` against `b[bLo, bHi)` (E. W. Myers, "An O(ND) Difference
 * Algorithm and Its Variations", 1986): the shortest edit script, found by extending the furthest-reaching
 * path on each diagonal for edit distance d = 0, 1, 2, ...
 *
 * Work grows with d², so the search gives up past `maxD` edits (or when the deadline passes) and returns
 * false without touching the script: the caller then treats the range as replaced wholesale. Otherwise it
 * appends the script and returns true.
 */
export function myersDiff(
  a: Int32Array,
  aLo: number,
  aHi: number,
  b: Int32Array,
  bLo: number,
  bHi: number,
  maxD: number,
  deadline: Deadline,
  script: EditScript,
): boolean {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const limit = Math.min(n + m, maxD);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // The furthest x on diagonals -d..d after step d, to walk the path back: 2d + 1 values from index d², all
  // steps in one growing buffer rather than an array per step.
  let trace: Int32Array = new Int32Array(Math.min((limit + 1) * (limit + 1), 1024));
  let work = 0;
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
          ? (v[offset + k + 1] as number)
          : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      const start = x;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      work += x - start + 1;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace = record(trace, v, offset, d);
        backtrack(trace, d, n, m, script);
        return true;
      }
    }
    trace = record(trace, v, offset, d);
    if (work > 4096) {
      work = 0;
      if (deadline.expired()) return false;
    }
  }
  return false;
}

/** Stores step d's values of `v` at index d² of `trace`, grown by doubling when full. */
function record(trace: Int32Array, v: Int32Array, offset: number, d: number): Int32Array {
  let stored = trace;
  const end = (d + 1) * (d + 1);
  if (end > stored.length) {
    stored = new Int32Array(Math.max(end, stored.length * 2));
    stored.set(trace);
  }
  for (let i = 0, at = d * d; i <= 2 * d; i++, at++) stored[at] = v[offset - d + i] as number;
  return stored;
}

/** Walks the furthest-reaching paths back from (n, m), found at step `last`, and appends the edit script in order. */
function backtrack(trace: Int32Array, last: number, n: number, m: number, script: EditScript): void {
  const reversed: number[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const k = x - y;
    // Step d - 1 stores diagonal i - (d - 1) at index (d - 1)² + i.
    const base = (d - 1) * (d - 1) + d - 1;
    const down = k === -d || (k !== d && (trace[base + k - 1] as number) < (trace[base + k + 1] as number));
    const previousK = down ? k + 1 : k - 1;
    const previousX = trace[base + previousK] as number;
    const previousY = previousX - previousK;
    const snakeStartX = down ? previousX : previousX + 1;
    for (let i = x - snakeStartX; i > 0; i--) reversed.push(0);
    reversed.push(down ? 1 : -1);
    x = previousX;
    y = previousY;
  }
  for (let i = x; i > 0; i--) reversed.push(0);
  for (let i = reversed.length - 1; i >= 0; i--) pushRun(script, reversed[i] as -1 | 0 | 1, 1);
}
