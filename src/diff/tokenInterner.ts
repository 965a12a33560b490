/**
 * Gives each distinct token a small integer id, so the diff compares numbers instead of strings. Tokens are
 * looked up by position in their text (hash of the characters, then a native `startsWith` check), so a token
 * already seen costs no new string: a hand-rolled open-addressing table beats a `Map` of fresh substrings
 * by a wide margin on long texts.
 */
export class TokenInterner {
  private readonly words: string[] = [];
  private table = new Int32Array(1024);
  private mask = 1023;

  /** How many distinct tokens have ids (ids are 0 .. size - 1). */
  get size(): number {
    return this.words.length;
  }

  /** The id of `text[start, end)`, made on first sight. */
  idOf(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.table[slot] as number;
      if (entry === 0) break;
      const word = this.words[entry - 1] as string;
      if (word.length === length && text.startsWith(word, start)) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    this.table[slot] = id + 1;
    // Keep the table at most half full, so probes stay short.
    if (this.words.length * 2 > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.words.length; id++) {
      const word = this.words[id] as string;
      let hash = 0x811c9dc5;
      for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
      let slot = hash & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
    }
  }
}
