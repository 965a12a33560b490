import type { DiffOp, EditStats } from "../events/types";
import { commonPrefixLength, commonSuffixLength } from "./commonEnds";
import { DEFAULT_DEADLINE_MS, type Deadline, startDeadline } from "./deadline";
import { DiffBuilder } from "./diffBuilder";
import { diffSequences } from "./diffSequences";
import { tokenizeSpaced } from "./spacedTokens";
import { TokenInterner } from "./tokenInterner";
import { isSafeBoundary } from "./tokenize";

/** Options of `diffWords`. */
export interface DiffWordsOptions {
  /**
   * Time budget in milliseconds (default 50). Past it the diff stops refining and returns what is left as
   * one removal plus one addition: still exact, only coarser. 0 gives the coarsest valid diff at once.
   */
  deadlineMs?: number;
}

/** What `diffWords` returns: the `diff` and `stats` fields of an `edit` event. */
export interface WordDiff {
  diff: DiffOp[];
  stats: EditStats;
}

// Middles longer than this (both texts together) are first diffed line by line; only changed lines are then
// diffed word by word. Keeps long, lightly edited texts fast without tokenizing what did not change.
const LINE_MODE_MIN_CHARS = 40_000;

/**
 * The word-level diff of a draft and its edited final text, with its statistics, exactly as an `edit` event
 * carries them. Concatenating the kept (0) and removed (-1) parts gives `draft`; the kept and added (1)
 * parts give `final`. Tokens are words, whitespace and punctuation (see `tokenize`); CJK text is compared
 * character by character. Pure, synchronous, never throws: runs on the server and in edge runtimes too.
 *
 * @example
 * ```ts
 * const { diff, stats } = diffWords("The cat sat.", "The cat slept.");
 * // diff:  [[0, "The cat "], [-1, "sat"], [1, "slept"], [0, "."]]
 * // stats: { wordsAdded: 1, wordsRemoved: 1, wordsKept: 2, editRate: 0.666…, similarity: 0.666…, … }
 * ```
 */
export function diffWords(draft: string, final: string, options: DiffWordsOptions = {}): WordDiff {
  // Not a string at run time (plain JavaScript callers): compare the text it stands for rather than throw.
  const a = asText(draft);
  const b = asText(final);
  return diffTexts(a, b, startDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS));
}

function asText(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

function diffTexts(a: string, b: string, deadline: Deadline): WordDiff {
  const builder = new DiffBuilder();
  if (a === b) {
    builder.keep(a);
    return builder.finish();
  }
  // What both ends share is kept as is, cut where a token boundary is certain in both texts.
  let prefix = commonPrefixLength(a, b);
  while (prefix > 0 && !(isSafeBoundary(a, prefix) && isSafeBoundary(b, prefix))) prefix--;
  let suffix = commonSuffixLength(a, b, Math.min(a.length, b.length) - prefix);
  while (suffix > 0 && !(isSafeBoundary(a, a.length - suffix) && isSafeBoundary(b, b.length - suffix))) suffix--;

  builder.keep(a.slice(0, prefix));
  // The middles are diffed where they lie, not sliced out: the tokenizer then reads flat strings.
  const endA = a.length - suffix;
  const endB = b.length - suffix;
  if (endA + endB - 2 * prefix > LINE_MODE_MIN_CHARS) {
    diffLines(a.slice(prefix, endA), b.slice(prefix, endB), deadline, builder);
  } else diffWordRange(a, prefix, endA, b, prefix, endB, deadline, builder);
  builder.keep(a.slice(a.length - suffix));
  return builder.finish();
}

/** Maps each distinct line to a small integer, so the diff compares numbers. */
function intern(items: readonly string[], ids: Map<string, number>): Int32Array {
  const out = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    let id = ids.get(item);
    if (id === undefined) {
      id = ids.size;
      ids.set(item, id);
    }
    out[i] = id;
  }
  return out;
}

/** Diffs `a[aFrom, aTo)` against `b[bFrom, bTo)` token by token into the builder. */
function diffWordRange(
  a: string,
  aFrom: number,
  aTo: number,
  b: string,
  bFrom: number,
  bTo: number,
  deadline: Deadline,
  builder: DiffBuilder,
): void {
  if (aFrom === aTo || bFrom === bTo || deadline.expired()) {
    builder.remove(a.slice(aFrom, aTo));
    builder.add(b.slice(bFrom, bTo));
    return;
  }
  // Distinct tokens are far fewer than tokens; a fifth of the characters is a generous guess of both.
  const interner = new TokenInterner((aTo - aFrom + bTo - bFrom) / 5);
  const left = tokenizeSpaced(a, interner, aFrom, aTo);
  const right = tokenizeSpaced(b, interner, bFrom, bTo);
  const { ops, counts } = diffSequences(left.ids, right.ids, interner.size, deadline);
  // Runs of tokens are cut from the texts as single slices (`starts` bounds each token with its space), and
  // their words counted from the interner's flags: whitespace holds none.
  const isWord = interner.words;
  const wordsIn = (ids: Int32Array, from: number, to: number) => {
    let words = 0;
    for (let k = from; k < to; k++) words += isWord[ids[k] as number] as number;
    return words;
  };
  const sliceA = (from: number, to: number) => a.slice(left.starts[from], left.starts[to]);
  let i = 0;
  let j = 0;
  for (let run = 0; run < ops.length; run++) {
    const op = ops[run];
    const count = counts[run] as number;
    if (op === -1) {
      builder.remove(sliceA(i, i + count), wordsIn(left.ids, i, i + count));
      i += count;
    } else if (op === 1) {
      builder.add(b.slice(right.starts[j], right.starts[j + count]), wordsIn(right.ids, j, j + count));
      j += count;
    } else {
      // Kept tokens; the whitespace before each is kept too where both sides have the same.
      let keptFrom = i;
      const end = i + count;
      for (; i < end; i++, j++) {
        const spaceA = left.starts[i] as number;
        const spaceB = right.starts[j] as number;
        const tokenA = left.tokenStarts[i] as number;
        const tokenB = right.tokenStarts[j] as number;
        if (sameText(a, spaceA, tokenA, b, spaceB, tokenB)) continue;
        builder.keep(sliceA(keptFrom, i), wordsIn(left.ids, keptFrom, i));
        builder.remove(a.slice(spaceA, tokenA), 0);
        builder.add(b.slice(spaceB, tokenB), 0);
        builder.keep(a.slice(tokenA, left.starts[i + 1]), wordsIn(left.ids, i, i + 1));
        keptFrom = i + 1;
      }
      builder.keep(sliceA(keptFrom, end), wordsIn(left.ids, keptFrom, end));
    }
  }
  const trailingA = a.slice(left.starts[i], aTo);
  const trailingB = b.slice(right.starts[j], bTo);
  if (trailingA === trailingB) builder.keep(trailingA, 0);
  else {
    builder.remove(trailingA, 0);
    builder.add(trailingB, 0);
  }
}

/** Whether `a[aFrom, aTo)` and `b[bFrom, bTo)` hold the same text, without making either substring. */
function sameText(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++) if (a.charCodeAt(aFrom + k) !== b.charCodeAt(bFrom + k)) return false;
  return true;
}

/** Splits after each "\n", keeping it: joining the lines gives the text back. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf("\n", start);
    if (newline === -1) break;
    lines.push(text.slice(start, newline + 1));
    start = newline + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function diffLines(a: string, b: string, deadline: Deadline, builder: DiffBuilder): void {
  const linesA = splitLines(a);
  const linesB = splitLines(b);
  const ids = new Map<string, number>();
  const { ops, counts } = diffSequences(intern(linesA, ids), intern(linesB, ids), ids.size, deadline);
  let i = 0;
  let j = 0;
  let removed = "";
  let added = "";
  for (let run = 0; run <= ops.length; run++) {
    const op = ops[run];
    const count = counts[run] ?? 0;
    if (op === -1) {
      removed += linesA.slice(i, i + count).join("");
      i += count;
      continue;
    }
    if (op === 1) {
      added += linesB.slice(j, j + count).join("");
      j += count;
      continue;
    }
    // A kept run (or the end): the changed lines before it are diffed word by word.
    if (removed !== "" || added !== "")
      diffWordRange(removed, 0, removed.length, added, 0, added.length, deadline, builder);
    removed = "";
    added = "";
    if (op === 0) {
      builder.keep(linesA.slice(i, i + count).join(""));
      i += count;
      j += count;
    }
  }
}
