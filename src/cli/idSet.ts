import { parseUuid, uuidSlot } from "../datasets/recentIds";

/** A growing set of event ids: what the collector holds of a file of any size. */
export interface IdSet {
  has(id: string): boolean;
  add(id: string): void;
  readonly size: number;
}

// Four 32-bit words hold a UUID's 128 bits.
const WORDS = 4;

/**
 * Every event id of the contract is a UUID: kept as its 128 bits in an open-addressing table of one typed array
 * (16 bytes an id, outside the garbage-collected heap, where a string and its Set entry take about 80), so a
 * collector starts on millions of events in little memory. Any other id goes to a plain Set.
 */
export function idSet(): IdSet {
  const others = new Set<string>();
  let slots = 1 << 16;
  let table = new Int32Array(slots * WORDS);
  let uuids = 0;
  const words = new Int32Array(WORDS);

  // The slot holding `key`, or -1 - the empty slot where it belongs.
  function find(key: Int32Array, keyAt: number): number {
    const mask = slots - 1;
    // The last 62 bits of a UUID v7 are random: they spread the slots evenly.
    const start = Math.imul((key[keyAt + 3] as number) ^ (key[keyAt + 2] as number), 0x9e3779b1) & mask;
    return uuidSlot(table, mask, start, key, keyAt);
  }

  // Up to three quarters full, then twice the slots: a probe stays short, the table stays small.
  function grow(): void {
    const old = table;
    slots *= 2;
    table = new Int32Array(slots * WORDS);
    for (let at = 0; at < old.length; at += WORDS) {
      if (((old[at] as number) | (old[at + 1] as number) | (old[at + 2] as number) | (old[at + 3] as number)) === 0)
        continue;
      table.set(old.subarray(at, at + WORDS), (-1 - find(old, at)) * WORDS);
    }
  }

  return {
    has(id) {
      return parseUuid(id, words) ? find(words, 0) >= 0 : others.has(id);
    },
    add(id) {
      if (!parseUuid(id, words)) {
        others.add(id);
        return;
      }
      const found = find(words, 0);
      if (found >= 0) return;
      table.set(words, (-1 - found) * WORDS);
      if (++uuids * 4 > slots * 3) grow();
    },
    get size() {
      return uuids + others.size;
    },
  };
}
