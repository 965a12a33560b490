/**
 * A set that remembers at most `limit` values, forgetting the oldest first: bounded memory for "have I seen
 * this already?" over a stream. `Infinity` remembers everything.
 */
export interface RecentSet<T> {
  has(value: T): boolean;
  add(value: T): void;
}

export function recentSet<T>(limit: number): RecentSet<T> {
  const values = new Set<T>();
  return {
    has: (value) => values.has(value),
    add(value) {
      values.add(value);
      // A Set iterates in insertion order, so its first value is the oldest.
      if (values.size > limit) values.delete(values.values().next().value as T);
    },
  };
}
