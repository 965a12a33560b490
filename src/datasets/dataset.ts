import { emptyReport } from "./emptyReport";
import type { AsyncDataset, Dataset, DatasetBuilder, DatasetReport, EventSource } from "./types";

function isAsync<T>(source: Iterable<T> | AsyncIterable<T>): source is AsyncIterable<T> {
  return typeof (source as AsyncIterable<T>)[Symbol.asyncIterator] === "function";
}

/**
 * Runs a builder over events lazily: rows come out while the input is read, so a stream is never held whole.
 * A sync input gives a sync iterable, an async input an async one. Each iteration reads the input again with a
 * fresh builder, and `report` describes the current or last iteration.
 */
export function runDataset<Row>(source: EventSource, makeBuilder: () => DatasetBuilder<Row>) {
  let report: DatasetReport = emptyReport();
  if (isAsync(source)) {
    const rows: AsyncDataset<Row> = {
      get report() {
        return report;
      },
      async *[Symbol.asyncIterator]() {
        const builder = makeBuilder();
        report = builder.report;
        const out: Row[] = [];
        for await (const event of source) {
          builder.add(event, out);
          if (out.length > 0) yield* out.splice(0);
        }
        builder.end(out);
        yield* out;
      },
    };
    return rows;
  }
  const rows: Dataset<Row> = {
    get report() {
      return report;
    },
    *[Symbol.iterator]() {
      const builder = makeBuilder();
      report = builder.report;
      const out: Row[] = [];
      for (const event of source) {
        builder.add(event, out);
        if (out.length > 0) yield* out.splice(0);
      }
      builder.end(out);
      yield* out;
    },
  };
  return rows;
}
