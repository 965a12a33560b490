import type { FeedbackEvent, FeedbackEventType } from "../events/types";
import { answerGroups } from "./answerGroups";
import { runDataset } from "./dataset";
import { emptyReport } from "./emptyReport";
import { DEFAULT_MAX_OPEN, eventIntake } from "./eventIntake";
import { judgeAnswers } from "./judgeAnswers";
import type { AsyncDataset, Dataset, DatasetBuilder, DatasetOptions, EventSource, RegressionCase } from "./types";

// The event types regression cases come from: `add` below sees no other.
const READS = new Set<FeedbackEventType>(["rating", "regenerate"]);

/** The single-pass builder behind `toRegressionSet` (the CLI drives it line by line). */
export function regressionBuilder(options: DatasetOptions = {}): DatasetBuilder<RegressionCase> {
  const report = emptyReport();
  const intake = eventIntake(options, report, READS);
  const groups = answerGroups<RegressionCase>(options.maxOpen ?? DEFAULT_MAX_OPEN, report, "details", (group, out) => {
    const { bad } = judgeAnswers(group, report);
    for (const answer of bad) {
      if (!group.prompt || group.prompt.length === 0) {
        report.withoutPrompt++;
        continue;
      }
      out.push({
        prompt: group.prompt,
        badOutput: answer.content,
        // A copy: the row is the caller's to change.
        reasons: [...answer.reasons],
        comment: answer.comment ?? null,
        traceId: answer.traceId ?? null,
        spanId: answer.spanId ?? null,
        messageId: answer.messageId,
        signal: answer.signal,
      });
      report.rows++;
    }
  });
  return {
    report,
    reads: READS,
    add(item, out) {
      const event = intake(item);
      if (event?.type === "rating" || event?.type === "regenerate") groups.add(event, out);
    },
    end: (out) => groups.end(out),
  };
}

/**
 * Turns negative feedback into a regression set: one case per answer voted down (its latest rating, with the
 * user's reasons and comment) or replaced by a regenerate (unless the user voted that answer up), each with the
 * prompt to run again and the trace that produced it. An answer both voted down and replaced is one case. A
 * case without a prompt cannot be run again: it is skipped and counted in `report.withoutPrompt`.
 *
 * @example
 * ```ts
 * import { toRegressionSet } from "react-feedback-loop/server";
 *
 * for (const testCase of toRegressionSet(events)) {
 *   const answer = await generate(testCase.prompt);
 *   console.log(testCase.reasons, testCase.badOutput === answer ? "same bad answer" : "changed");
 * }
 * ```
 */
export function toRegressionSet(events: Iterable<FeedbackEvent>, options?: DatasetOptions): Dataset<RegressionCase>;
export function toRegressionSet(
  events: AsyncIterable<FeedbackEvent>,
  options?: DatasetOptions,
): AsyncDataset<RegressionCase>;
export function toRegressionSet(
  events: EventSource,
  options: DatasetOptions = {},
): Dataset<RegressionCase> | AsyncDataset<RegressionCase> {
  return runDataset(events, () => regressionBuilder(options));
}
