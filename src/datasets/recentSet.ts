/**
 * A set that remembers at least the last `limit` values added and at most twice that many: bounded memory for
 * "have I seen this already?" over a stream. `Infinity` remembers everything.
 */
export interface RecentSet<T> {
  has(value: T): boolean;
  add(value: T): void;
}

export function recentSet<T>(limit: number): RecentSet<T> {
  // Two generations: when the current one is full it becomes the previous one and the oldest generation is
  // dropped whole. Deleting values one by one from a large Set costs several times more.
  let current = new Set<T>();
  let previous = new Set<T>();
  return {
    has: (value) => current.has(value) || previous.has(value),
    add(value) {
      current.add(value);
      if (current.size >= limit) {
        previous = current;
        current = new Set();
      }
    },
  };
}
