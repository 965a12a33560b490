import type { DiffOp, EditStats } from "../events/types";
import { countCharacters, type EditCounts, statsOfCounts } from "./editStats";
import { countWords } from "./tokenize";

// A kept piece this short, with no word and no line break, between two changes reads better inside them:
// "[-red car][+blue bike]" rather than "[-red][+blue] [-car][+bike]".
const ABSORB_MAX_CHARS = 4;
const WORD_OR_NEWLINE = /[\p{L}\p{N}\n]/u;

const isSpace = (char: string | undefined) => char === " " || char === "\n" || char === "\t" || char === "\r";

/**
 * Collects a diff in order and keeps it tidy: adjacent parts of one op are merged, each group of changes
 * between two kept parts comes out as one removal followed by one addition, whitespace shared by both ends of
 * a change is kept, and tiny kept separators inside a change are folded into it. Folding moves text into both
 * the removal and the addition, so the kept and removed parts still give the draft, and the kept and added
 * parts the final.
 *
 * It also counts what `editStats` would count in the finished diff, so the diff need not be read again: each
 * part comes with its number of words (a caller that tokenized the text knows it; otherwise it is counted
 * here). Folding and kept whitespace move only text without a letter or digit, so no word changes side;
 * characters are counted in the removals and additions as they are finally cut.
 */
export class DiffBuilder {
  private readonly ops: DiffOp[] = [];
  private readonly counts: EditCounts = {
    wordsAdded: 0,
    wordsRemoved: 0,
    wordsKept: 0,
    charsAdded: 0,
    charsRemoved: 0,
  };
  private removed = "";
  private added = "";
  // A kept part that follows a change: folded if another change comes right after it, else kept.
  private held = "";

  keep(text: string, words = countWords(text)): void {
    if (text === "") return;
    this.counts.wordsKept += words;
    if (this.removed === "" && this.added === "") this.pushKept(text);
    else this.held += text;
  }

  remove(text: string, words = countWords(text)): void {
    if (text === "") return;
    this.counts.wordsRemoved += words;
    this.settleHeld();
    this.removed += text;
  }

  add(text: string, words = countWords(text)): void {
    if (text === "") return;
    this.counts.wordsAdded += words;
    this.settleHeld();
    this.added += text;
  }

  /** The diff and its statistics (as `editStats` gives them); the builder must not be used after. */
  finish(): { diff: DiffOp[]; stats: EditStats } {
    this.flushChanges();
    return { diff: this.ops, stats: statsOfCounts(this.counts) };
  }

  private settleHeld(): void {
    if (this.held === "") return;
    if (this.held.length <= ABSORB_MAX_CHARS && !WORD_OR_NEWLINE.test(this.held)) {
      this.removed += this.held;
      this.added += this.held;
      this.held = "";
    } else this.flushChanges();
  }

  private flushChanges(): void {
    // Whitespace that both sides of the change start or end with is kept, not changed: "within[-5][+3]"
    // rather than "within[- 5][+ 3]".
    const removed = this.removed;
    const added = this.added;
    let head = 0;
    while (head < removed.length && head < added.length && removed[head] === added[head] && isSpace(removed[head])) {
      head++;
    }
    let tail = 0;
    while (
      tail < removed.length - head &&
      tail < added.length - head &&
      removed[removed.length - 1 - tail] === added[added.length - 1 - tail] &&
      isSpace(removed[removed.length - 1 - tail])
    ) {
      tail++;
    }
    this.pushKept(removed.slice(0, head));
    if (removed.length > head + tail) {
      const text = removed.slice(head, removed.length - tail);
      this.counts.charsRemoved += countCharacters(text);
      this.ops.push([-1, text]);
    }
    if (added.length > head + tail) {
      const text = added.slice(head, added.length - tail);
      this.counts.charsAdded += countCharacters(text);
      this.ops.push([1, text]);
    }
    this.pushKept(removed.slice(removed.length - tail));
    this.removed = "";
    this.added = "";
    const held = this.held;
    this.held = "";
    this.pushKept(held);
  }

  private pushKept(text: string): void {
    if (text === "") return;
    const last = this.ops[this.ops.length - 1];
    if (last && last[0] === 0) last[1] += text;
    else this.ops.push([0, text]);
  }
}
