import type { DiffOp } from "../events/types";

// A kept piece this short, with no word and no line break, between two changes reads better inside them:
// "[-red car][+blue bike]" rather than "[-red][+blue] [-car][+bike]".
const ABSORB_MAX_CHARS = 4;
const WORD_OR_NEWLINE = /[\p{L}\p{N}\n]/u;

/**
 * Collects a diff in order and keeps it tidy: adjacent parts of one op are merged, each group of changes
 * between two kept parts comes out as one removal followed by one addition, and tiny kept separators inside
 * a change are folded into it. Folding moves text into both the removal and the addition, so the kept and
 * removed parts still give the draft, and the kept and added parts the final.
 */
export class DiffBuilder {
  private readonly ops: DiffOp[] = [];
  private removed = "";
  private added = "";
  // A kept part that follows a change: folded if another change comes right after it, else kept.
  private held = "";

  keep(text: string): void {
    if (text === "") return;
    if (this.removed === "" && this.added === "") this.pushKept(text);
    else this.held += text;
  }

  remove(text: string): void {
    if (text === "") return;
    this.settleHeld();
    this.removed += text;
  }

  add(text: string): void {
    if (text === "") return;
    this.settleHeld();
    this.added += text;
  }

  /** The diff so far; the builder must not be used after. */
  finish(): DiffOp[] {
    this.flushChanges();
    return this.ops;
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
    if (this.removed !== "") this.ops.push([-1, this.removed]);
    if (this.added !== "") this.ops.push([1, this.added]);
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
