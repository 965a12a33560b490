/**
 * The two generations of a window over a stream kept in typed arrays (recentIds, recentHashes): values go into
 * `current`; once it holds `limit` of them it becomes `previous`, and the oldest generation is dropped whole, its
 * array cleared and reused. So the window holds at least the last `limit` values and at most twice that many.
 */
export function tableGenerations<Table extends Int32Array | Float64Array>(limit: number, make: () => Table) {
  const generations = {
    current: make(),
    previous: make(),
    count: 0,
    /** Counts one value written into `current`. */
    added(): void {
      if (++generations.count < limit) return;
      const dropped = generations.previous;
      generations.previous = generations.current;
      generations.current = dropped;
      dropped.fill(0);
      generations.count = 0;
    },
  };
  return generations;
}
