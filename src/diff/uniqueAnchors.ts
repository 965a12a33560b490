/**
 * Patience anchors (Bram Cohen's patience diff): tokens that occur exactly once in each range are matched,
 * and the longest run of such matches that is in order on both sides becomes the skeleton of the diff. A rare
 * word rarely pairs up by accident, so the diff is split into small, independent gaps that read naturally,
 * and common tokens ("the", ",") cannot chain the two texts into a misleading alignment.
 *
 * Counting uses arrays indexed by token id, stamped per call so they never need clearing.
 */
export interface AnchorScratch {
  stamp: Int32Array;
  countA: Int32Array;
  countB: Int32Array;
  positionA: Int32Array;
  generation: number;
}

export function anchorScratch(vocabularySize: number): AnchorScratch {
  return {
    stamp: new Int32Array(vocabularySize),
    countA: new Int32Array(vocabularySize),
    countB: new Int32Array(vocabularySize),
    positionA: new Int32Array(vocabularySize),
    generation: 0,
  };
}

/**
 * The anchors of `a[aLo, aHi)` and `b[bLo, bHi)` as pairs of positions, increasing on both sides:
 * `[a0, b0, a1, b1, ...]`. Empty when no token is unique on both sides.
 */
export function uniqueAnchors(
  a: Int32Array,
  aLo: number,
  aHi: number,
  b: Int32Array,
  bLo: number,
  bHi: number,
  scratch: AnchorScratch,
): number[] {
  const { stamp, countA, countB, positionA } = scratch;
  const generation = ++scratch.generation;
  for (let i = aLo; i < aHi; i++) {
    const id = a[i] as number;
    if (stamp[id] !== generation) {
      stamp[id] = generation;
      countA[id] = 1;
      countB[id] = 0;
      positionA[id] = i;
    } else countA[id] = (countA[id] as number) + 1;
  }
  for (let j = bLo; j < bHi; j++) {
    const id = b[j] as number;
    if (stamp[id] === generation) countB[id] = (countB[id] as number) + 1;
  }
  // Matches in b order; their a positions may go back and forth. Only matches with a neighbour that agrees
  // (the token before or after is the same on both sides, or it is at an end of both) are taken when there
  // are any: a word moved elsewhere is unique on both sides too, but its new neighbours rarely match its old
  // ones, and taken as an anchor it would turn all between its two places into a removal and an addition.
  // Texts that share little have no such matches; any unique match then splits the work.
  const matchA: number[] = [];
  const matchB: number[] = [];
  for (let pass = 0; pass < 2 && matchA.length === 0; pass++) {
    for (let j = bLo; j < bHi; j++) {
      const id = b[j] as number;
      if (stamp[id] !== generation || countA[id] !== 1 || countB[id] !== 1) continue;
      const i = positionA[id] as number;
      if (pass === 0) {
        const before = i === aLo ? j === bLo : j > bLo && a[i - 1] === b[j - 1];
        const after = i === aHi - 1 ? j === bHi - 1 : j < bHi - 1 && a[i + 1] === b[j + 1];
        if (!before && !after) continue;
      }
      matchA.push(i);
      matchB.push(j);
    }
  }
  return longestIncreasing(matchA, matchB);
}

/** Longest subsequence with increasing `matchA` (patience sorting, O(k log k)), as flat pairs. */
function longestIncreasing(matchA: number[], matchB: number[]): number[] {
  const count = matchA.length;
  if (count === 0) return [];
  // tails[len] = index of the smallest last element of an increasing run of length len + 1.
  const tails: number[] = [];
  const previous = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const value = matchA[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((matchA[tails[mid] as number] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? (tails[lo - 1] as number) : -1;
    tails[lo] = i;
  }
  const pairs = new Array<number>(tails.length * 2);
  let at = tails[tails.length - 1] as number;
  for (let n = tails.length - 1; n >= 0; n--) {
    pairs[2 * n] = matchA[at] as number;
    pairs[2 * n + 1] = matchB[at] as number;
    at = previous[at] as number;
  }
  return pairs;
}
