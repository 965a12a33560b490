import { type RecentSet, recentSet } from "./recentSet";
import { tableGenerations } from "./tableGenerations";

/**
 * `recentSet` for the 53-bit hashes of `stringHash`, with the same window (a generation ends after `limit`
 * distinct values): kept in an open-addressing table of two typed arrays, so a stream of millions of hashes
 * costs the garbage collector nothing and a lookup boxes no number. `Infinity` remembers everything.
 */
export function recentHashes(limit: number): RecentSet<number> {
  if (!Number.isFinite(limit)) return recentSet<number>(limit);
  // At most half full, so a probe ends after a slot or two.
  let slots = 1024;
  while (slots < limit * 2) slots *= 2;
  const mask = slots - 1;
  const tables = tableGenerations(limit, () => new Float64Array(slots));

  // The slot holding `key` (a hash + 1: zero marks an empty slot), or the empty slot where it belongs.
  function slotOf(table: Float64Array, key: number): number {
    // The hash's low 32 bits are well mixed already.
    let slot = (key >>> 0) & mask;
    for (;;) {
      const held = table[slot] as number;
      if (held === key || held === 0) return slot;
      slot = (slot + 1) & mask;
    }
  }

  return {
    has(hash) {
      const key = hash + 1;
      const { current, previous } = tables;
      return current[slotOf(current, key)] === key || previous[slotOf(previous, key)] === key;
    },
    add(hash) {
      const key = hash + 1;
      const { current } = tables;
      const slot = slotOf(current, key);
      if (current[slot] === key) return;
      current[slot] = key;
      tables.added();
    },
  };
}
