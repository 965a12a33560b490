/** FNV-1a, one UTF-16 unit at a time: the tokenizer hashes as it scans, and `idOf` hashes the same way. */
export const HASH_START = 0x811c9dc5;
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193);

export function hashRange(text: string, start: number, end: number): number {
  let hash = HASH_START;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

import { isWordToken } from "./tokenize";

/**
 * Gives each distinct token a small integer id, so the diff compares numbers instead of strings. Tokens are
 * looked up by position in their text (hash of the characters, then a native `startsWith` check), so a token
 * already seen costs no new string: a hand-rolled open-addressing table beats a `Map` of fresh substrings
 * by a wide margin on long texts.
 */
export class TokenInterner {
  private readonly tokens: string[] = [];
  private readonly hashes: number[] = [];
  /** 1 where the token with that id is a word (see `isWordToken`), else 0: the statistics count these. */
  readonly words: number[] = [];
  private table: Int32Array;
  private mask: number;

  /** `expectedTokens`: about how many tokens will be interned, to size the table once (it grows if needed). */
  constructor(expectedTokens = 512) {
    let size = 64;
    while (size < expectedTokens * 2 && size < 1 << 16) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
  }

  /** How many distinct tokens have ids (ids are 0 .. size - 1). */
  get size(): number {
    return this.tokens.length;
  }

  /** The id of `text[start, end)`, made on first sight; `hash` is `hashRange(text, start, end)`. */
  idOf(text: string, start: number, end: number, hash = hashRange(text, start, end)): number {
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.table[slot] as number;
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === hash && sameAt(this.tokens[id] as string, text, start, length)) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.tokens.length;
    const token = text.slice(start, end);
    this.tokens.push(token);
    this.hashes.push(hash);
    this.words.push(isWordToken(token) ? 1 : 0);
    this.table[slot] = id + 1;
    // Keep the table at most half full, so probes stay short.
    if (this.tokens.length * 2 > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.tokens.length; id++) {
      let slot = (this.hashes[id] as number) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
    }
  }
}

/** Whether `text` holds `token` at `start` (`length` is the token's length): a loop beats a native call here. */
function sameAt(token: string, text: string, start: number, length: number): boolean {
  if (token.length !== length) return false;
  for (let i = 0; i < length; i++) if (token.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
