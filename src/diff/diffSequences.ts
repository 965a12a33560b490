import type { Deadline } from "./deadline";
import { type EditScript, emptyScript, pushRun } from "./editScript";
import { myersDiff } from "./myers";
import { anchorScratch, uniqueAnchors } from "./uniqueAnchors";

// Below this many tokens (both sides together) Myers runs directly: it is exact and, this small, instant.
const SMALL_RANGE = 64;
// Up to this many tokens, a range first tries Myers with at most this many edits: exact, and cheap when the
// two sides differ little. Anchors split long ranges faster, but where few tokens are unique (text made
// mostly of common words) one moved word can become the only anchor and turn a small edit into a rewrite.
const MYERS_FIRST_RANGE = 1024;
const MYERS_FIRST_EDITS = 64;
// Myers gives up past this many edits in one gap (its work grows with the square), or past this share of
// the gap's tokens: such a gap is mostly rewritten, and one removal plus one addition describes it best.
const MAX_EDITS = 512;
const MAX_EDIT_SHARE = 0.6;

type Work = { keep: number } | { aLo: number; aHi: number; bLo: number; bHi: number };

/**
 * Diffs two sequences of interned token ids (ids below `vocabularySize`) into an edit script. Strategy: trim
 * what both ends share; a short range that differs little is solved exactly by Myers; otherwise split it at
 * patience anchors (tokens unique on both sides) and recurse into the gaps; a gap without anchors goes to
 * Myers with a bounded number of edits. Whatever is unsolved when the
 * deadline passes, or too costly for Myers, is one removal plus one addition: valid, only coarser.
 */
export function diffSequences(a: Int32Array, b: Int32Array, vocabularySize: number, deadline: Deadline): EditScript {
  const script = emptyScript();
  let scratch: ReturnType<typeof anchorScratch> | undefined;
  // Explicit stack, last item first, so deep recursion can never overflow the call stack.
  const stack: Work[] = [{ aLo: 0, aHi: a.length, bLo: 0, bHi: b.length }];
  while (stack.length > 0) {
    const work = stack.pop() as Work;
    if ("keep" in work) {
      pushRun(script, 0, work.keep);
      continue;
    }
    let { aLo, aHi, bLo, bHi } = work;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
      aLo++;
      bLo++;
    }
    pushRun(script, 0, aLo - work.aLo);
    let suffix = 0;
    while (aHi > aLo && bHi > bLo && a[aHi - 1] === b[bHi - 1]) {
      aHi--;
      bHi--;
      suffix++;
    }
    if (suffix > 0) stack.push({ keep: suffix });
    const n = aHi - aLo;
    const m = bHi - bLo;
    if (n === 0 || m === 0 || deadline.expired()) {
      pushRun(script, -1, n);
      pushRun(script, 1, m);
      continue;
    }
    const maxD = Math.max(SMALL_RANGE, Math.min(MAX_EDITS, Math.ceil((n + m) * MAX_EDIT_SHARE)));
    // Whether Myers already failed within maxD edits, so trying it again below would be wasted.
    let myersFailed = false;
    if (n + m > SMALL_RANGE) {
      if (n + m <= MYERS_FIRST_RANGE) {
        if (myersDiff(a, aLo, aHi, b, bLo, bHi, MYERS_FIRST_EDITS, deadline, script)) continue;
        myersFailed = maxD <= MYERS_FIRST_EDITS;
      }
      scratch ??= anchorScratch(vocabularySize);
      const anchors = uniqueAnchors(a, aLo, aHi, b, bLo, bHi, scratch);
      if (anchors.length > 0) {
        // Push the gaps and anchors last to first, so they come off the stack in order.
        let nextA = aHi;
        let nextB = bHi;
        for (let i = anchors.length - 2; i >= 0; i -= 2) {
          const anchorA = anchors[i] as number;
          const anchorB = anchors[i + 1] as number;
          stack.push({ aLo: anchorA + 1, aHi: nextA, bLo: anchorB + 1, bHi: nextB });
          stack.push({ keep: 1 });
          nextA = anchorA;
          nextB = anchorB;
        }
        stack.push({ aLo, aHi: nextA, bLo, bHi: nextB });
        continue;
      }
    }
    if (myersFailed || !myersDiff(a, aLo, aHi, b, bLo, bHi, maxD, deadline, script)) {
      pushRun(script, -1, n);
      pushRun(script, 1, m);
    }
  }
  return script;
}
