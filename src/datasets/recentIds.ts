import { recentSet } from "./recentSet";
import { tableGenerations } from "./tableGenerations";

/** Remembers recent event ids, to count a retried delivery once. */
export interface RecentIds {
  /** True the first time `id` is seen within the window, false for a repeat. Remembers it either way. */
  firstSeen(id: string): boolean;
}

// Four 32-bit words hold a UUID's 128 bits: no string is kept, and the table never reallocates.
const WORDS = 4;

/**
 * A window of at least the last `limit` ids and at most twice that many, like `recentSet`, made for a stream of
 * millions of events: a lowercase UUID (every id of the contract) is stored exactly as its 128 bits in an
 * open-addressing table of two typed arrays (two generations), so the ids cost the garbage collector nothing
 * and a lookup reads one cache line instead of hashing a string. Any other id (events given with
 * `validate: false`) goes to a plain `recentSet`. `Infinity` remembers everything.
 */
export function recentIds(limit: number): RecentIds {
  const others = recentSet<string>(limit);
  if (!Number.isFinite(limit)) {
    return {
      firstSeen(id) {
        if (others.has(id)) return false;
        others.add(id);
        return true;
      },
    };
  }
  // At most half full, so a probe ends after a slot or two.
  let slots = 1024;
  while (slots < limit * 2) slots *= 2;
  const mask = slots - 1;
  const tables = tableGenerations(limit, () => new Int32Array(slots * WORDS));
  const words = new Int32Array(WORDS);

  // The slot holding `words` in `table`, or the empty slot where it belongs.
  const find = (table: Int32Array, start: number) => uuidSlot(table, mask, start, words, 0);

  return {
    firstSeen(id) {
      if (!parseUuid(id, words)) {
        if (others.has(id)) return false;
        others.add(id);
        return true;
      }
      // The last 62 bits of a UUID v7 are random: they spread the slots evenly.
      const start = Math.imul((words[3] as number) ^ (words[2] as number), 0x9e3779b1) & mask;
      if (find(tables.previous, start) >= 0) return false;
      const found = find(tables.current, start);
      if (found >= 0) return false;
      tables.current.set(words, (-1 - found) * WORDS);
      tables.added();
      return true;
    },
  };
}

/**
 * In an open-addressing table of UUIDs (four words a slot, all-zero words mean empty, `mask` = slots - 1): the
 * slot holding the UUID at `key[keyAt..keyAt+4)`, probed from `start`, or -1 - the empty slot where it belongs.
 */
export function uuidSlot(table: Int32Array, mask: number, start: number, key: Int32Array, keyAt: number): number {
  let slot = start;
  while (true) {
    const at = slot * WORDS;
    const w0 = table[at] as number;
    const w1 = table[at + 1] as number;
    const w2 = table[at + 2] as number;
    const w3 = table[at + 3] as number;
    if ((w0 | w1 | w2 | w3) === 0) return -1 - slot;
    if (w0 === key[keyAt] && w1 === key[keyAt + 1] && w2 === key[keyAt + 2] && w3 === key[keyAt + 3]) return slot;
    slot = (slot + 1) & mask;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Reads a lowercase UUID (8-4-4-4-12 hex digits) into four 32-bit words. False for anything
 * else, and for the all-zero UUID, which marks an empty slot.
 */
export function parseUuid(id: string, words: Int32Array): boolean {
  if (!UUID.test(id)) return false;
  // Each word is 8 digits; words 1 and 2 have a dash in their middle.
  words[0] = hex(id, 0, 8, 0);
  words[1] = hex(id, 14, 18, hex(id, 9, 13, 0));
  words[2] = hex(id, 24, 28, hex(id, 19, 23, 0));
  words[3] = hex(id, 28, 36, 0);
  return ((words[0] as number) | (words[1] as number) | (words[2] as number) | (words[3] as number)) !== 0;
}

// `word` followed by the hex digits id[from..to), as a 32-bit integer (the digits are checked already).
function hex(id: string, from: number, to: number, word: number): number {
  let value = word;
  for (let i = from; i < to; i++) {
    const code = id.charCodeAt(i);
    value = (value << 4) | (code <= 57 ? code - 48 : code - 87);
  }
  return value;
}
