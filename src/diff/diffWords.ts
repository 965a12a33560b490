import type { DiffOp, EditStats } from "../events/types";
import { commonPrefixLength, commonSuffixLength } from "./commonEnds";
import { DEFAULT_DEADLINE_MS, type Deadline, startDeadline } from "./deadline";
import { DiffBuilder } from "./diffBuilder";
import { diffSequences } from "./diffSequences";
import { editStats } from "./editStats";
import { TokenInterner } from "./tokenInterner";
import { isSafeBoundary, tokenizeSpaced } from "./tokenize";

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
  const diff = diffTexts(a, b, startDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS));
  return { diff, stats: editStats(diff) };
}

function asText(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

function diffTexts(a: string, b: string, deadline: Deadline): DiffOp[] {
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
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  if (middleA.length + middleB.length > LINE_MODE_MIN_CHARS) diffLines(middleA, middleB, deadline, builder);
  else diffWordRange(middleA, middleB, deadline, builder);
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

function diffWordRange(a: string, b: string, deadline: Deadline, builder: DiffBuilder): void {
  if (a === "" || b === "" || deadline.expired()) {
    builder.remove(a);
    builder.add(b);
    return;
  }
  const interner = new TokenInterner();
  const left = tokenizeSpaced(a, interner);
  const right = tokenizeSpaced(b, interner);
  const { ops, counts } = diffSequences(left.ids, right.ids, interner.size, deadline);
  // Runs of tokens are cut from the texts as single slices (`starts` bounds each token with its space).
  const sliceA = (from: number, to: number) => a.slice(left.starts[from], left.starts[to]);
  const sliceB = (from: number, to: number) => b.slice(right.starts[from], right.starts[to]);
  let i = 0;
  let j = 0;
  for (let run = 0; run < ops.length; run++) {
    const op = ops[run];
    const count = counts[run] as number;
    if (op === -1) {
      builder.remove(sliceA(i, i + count));
      i += count;
    } else if (op === 1) {
      builder.add(sliceB(j, j + count));
      j += count;
    } else {
      // Kept tokens; the whitespace before each is kept too where both sides have the same.
      let keptFrom = i;
      const end = i + count;
      for (; i < end; i++, j++) {
        const spaceA = left.spaces[i] as string;
        const spaceB = right.spaces[j] as string;
        if (spaceA === spaceB) continue;
        builder.keep(sliceA(keptFrom, i));
        builder.remove(spaceA);
        builder.add(spaceB);
        builder.keep(a.slice((left.starts[i] as number) + spaceA.length, left.starts[i + 1]));
        keptFrom = i + 1;
      }
      builder.keep(sliceA(keptFrom, end));
    }
  }
  const trailingA = left.spaces[i] as string;
  const trailingB = right.spaces[j] as string;
  if (trailingA === trailingB) builder.keep(trailingA);
  else {
    builder.remove(trailingA);
    builder.add(trailingB);
  }
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
    if (removed !== "" || added !== "") diffWordRange(removed, added, deadline, builder);
    removed = "";
    added = "";
    if (op === 0) {
      builder.keep(linesA.slice(i, i + count).join(""));
      i += count;
      j += count;
    }
  }
}
