import type { DiffOp, EditStats } from "../events/types";
import { countWords } from "./tokenize";

/** Counts Unicode code points: an emoji made of a surrogate pair is one character, not two. */
export function countCharacters(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/**
 * The statistics of an edit, computed from its diff alone.
 *
 * - Words are tokens with a letter or digit (each CJK character is one); whitespace, punctuation, symbols
 *   and emoji are not counted, so a punctuation-only edit has `editRate` 0 and `similarity` 1 (and
 *   `accepted: false` on the event tells it from no edit at all).
 * - `editRate` = (wordsAdded + wordsRemoved) / max(1, words in the final text).
 * - `similarity` = 2 × wordsKept / (words in the draft + words in the final), the Dice coefficient of the
 *   two word sequences: 1 when no word changed (also when neither text has a word), 0 when none is kept.
 * - `charsAdded` / `charsRemoved` count Unicode code points in the added and removed parts.
 *
 * @example
 * ```ts
 * editStats([[0, "The cat "], [-1, "sat"], [1, "slept"]]);
 * // { wordsAdded: 1, wordsRemoved: 1, wordsKept: 2, editRate: 0.667, similarity: 0.667, charsAdded: 5, charsRemoved: 3 }
 * ```
 */
export function editStats(diff: readonly DiffOp[]): EditStats {
  const counts: EditCounts = { wordsAdded: 0, wordsRemoved: 0, wordsKept: 0, charsAdded: 0, charsRemoved: 0 };
  for (const [op, text] of diff) {
    if (op === 0) counts.wordsKept += countWords(text);
    else if (op === 1) {
      counts.wordsAdded += countWords(text);
      counts.charsAdded += countCharacters(text);
    } else {
      counts.wordsRemoved += countWords(text);
      counts.charsRemoved += countCharacters(text);
    }
  }
  return statsOfCounts(counts);
}

/** The counts `EditStats` are made from. */
export type EditCounts = Pick<EditStats, "wordsAdded" | "wordsRemoved" | "wordsKept" | "charsAdded" | "charsRemoved">;

/** The statistics from their counts: `editStats` and `diffWords` (which counts as it diffs) share these rules. */
export function statsOfCounts(counts: EditCounts): EditStats {
  const { wordsAdded, wordsRemoved, wordsKept, charsAdded, charsRemoved } = counts;
  const draftWords = wordsKept + wordsRemoved;
  const finalWords = wordsKept + wordsAdded;
  const total = draftWords + finalWords;
  return {
    wordsAdded,
    wordsRemoved,
    wordsKept,
    editRate: (wordsAdded + wordsRemoved) / Math.max(1, finalWords),
    similarity: total === 0 ? 1 : (2 * wordsKept) / total,
    charsAdded,
    charsRemoved,
  };
}
