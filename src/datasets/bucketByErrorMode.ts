import type { FeedbackEvent, FeedbackEventType } from "../events/types";
import { answerGroups } from "./answerGroups";
import { emptyReport } from "./emptyReport";
import { DEFAULT_MAX_OPEN, eventIntake } from "./eventIntake";
import type { BucketExample, BucketOptions, DatasetBuilder, ErrorModeBuckets } from "./types";

// The event type buckets come from: `add` below sees no other.
const READS = new Set<FeedbackEventType>(["rating"]);

/** The single-pass builder behind `bucketByErrorMode`: it writes no rows; `result()` gives the buckets. */
export function bucketBuilder(options: BucketOptions = {}): DatasetBuilder<never> & { result(): ErrorModeBuckets } {
  const maxExamples = options.examples ?? 5;
  const report = emptyReport();
  const intake = eventIntake(options, report, READS);
  const counts = new Map<string, { count: number; examples: BucketExample[] }>();
  let negative = 0;
  let unlabeled = 0;
  const groups = answerGroups<never>(options.maxOpen ?? DEFAULT_MAX_OPEN, report, "details", (group) => {
    for (const rating of group.ratings) {
      if (rating.value === null) report.withdrawn++;
      if (rating.value !== "down") continue;
      negative++;
      report.rows++;
      const reasons = new Set(rating.reasons);
      if (reasons.size === 0) unlabeled++;
      for (const reason of reasons) {
        let bucket = counts.get(reason);
        if (!bucket) {
          bucket = { count: 0, examples: [] };
          counts.set(reason, bucket);
        }
        bucket.count++;
        if (bucket.examples.length < maxExamples) {
          bucket.examples.push({
            messageId: rating.messageId,
            traceId: rating.traceId ?? null,
            spanId: rating.spanId ?? null,
            comment: rating.comment ?? null,
          });
        }
      }
    }
  });
  return {
    report,
    reads: READS,
    add(item, out) {
      const event = intake(item);
      if (event?.type === "rating") groups.add(event, out);
    },
    end: (out) => groups.end(out),
    result: () => ({
      negative,
      unlabeled,
      buckets: [...counts]
        .map(([reason, { count, examples }]) => ({ reason, count, share: count / negative, examples }))
        .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
      report,
    }),
  };
}

/**
 * Counts down-voted answers per error mode (the reason keys of their latest rating, such as `"hallucination"`
 * or `"format"`), with the first few traces of each to look at. An answer with two reasons counts in both
 * buckets; one with none counts as `unlabeled`. Memory: one counter and a few examples per reason key, plus the
 * open ratings (see `DatasetOptions.maxOpen`). An array gives the buckets at once, a stream a promise of them.
 *
 * @example
 * ```ts
 * import { bucketByErrorMode } from "react-feedback-loop/server";
 *
 * const { negative, buckets } = bucketByErrorMode(events);
 * for (const { reason, count, examples } of buckets) console.log(reason, count, examples[0]?.traceId);
 * ```
 */
export function bucketByErrorMode(events: Iterable<FeedbackEvent>, options?: BucketOptions): ErrorModeBuckets;
export function bucketByErrorMode(
  events: AsyncIterable<FeedbackEvent>,
  options?: BucketOptions,
): Promise<ErrorModeBuckets>;
export function bucketByErrorMode(
  events: Iterable<FeedbackEvent> | AsyncIterable<FeedbackEvent>,
  options: BucketOptions = {},
): ErrorModeBuckets | Promise<ErrorModeBuckets> {
  const builder = bucketBuilder(options);
  const none: never[] = [];
  if (Symbol.asyncIterator in events) {
    return (async () => {
      for await (const event of events) builder.add(event, none);
      builder.end(none);
      return builder.result();
    })();
  }
  for (const event of events) builder.add(event, none);
  builder.end(none);
  return builder.result();
}
