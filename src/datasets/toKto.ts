import type { FeedbackEvent, FeedbackEventType } from "../events/types";
import { answerGroups } from "./answerGroups";
import { runDataset } from "./dataset";
import { emptyReport } from "./emptyReport";
import { DEFAULT_MAX_OPEN, eventIntake } from "./eventIntake";
import { promptText } from "./promptText";
import type { AsyncDataset, Dataset, DatasetBuilder, EventSource, KtoOptions, KtoRow } from "./types";

// The event type KTO rows come from: `add` below sees no other.
const READS = new Set<FeedbackEventType>(["rating"]);

/** The single-pass builder behind `toKto` (the CLI drives it line by line). */
export function ktoBuilder(options: KtoOptions = {}): DatasetBuilder<KtoRow> {
  const conversational = options.format === "trl-conversational";
  const report = emptyReport();
  const intake = eventIntake(options, report, READS);
  const groups = answerGroups<KtoRow>(options.maxOpen ?? DEFAULT_MAX_OPEN, report, (group, out) => {
    for (const rating of group.ratings) {
      if (rating.value === null) {
        report.withdrawn++;
      } else if (rating.content === undefined) {
        report.withoutText++;
      } else if (!group.prompt || group.prompt.length === 0) {
        report.withoutPrompt++;
      } else {
        out.push({
          prompt: conversational ? group.prompt : promptText(group.prompt),
          completion: conversational ? [{ role: "assistant", content: rating.content }] : rating.content,
          label: rating.value === "up",
        });
        report.rows++;
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
  };
}

/**
 * Turns votes into unpaired preference data for TRL's `KTOTrainer`: one `{prompt, completion, label}` row per
 * rated answer, `label` true for up and false for down. The latest rating per `feedbackKey` counts (by `ts`,
 * then id); a withdrawn vote counts as none; an event id seen twice counts once; a vote without a prompt or
 * without the answer's text is skipped and counted in `report`.
 *
 * @example
 * ```ts
 * import { toKto } from "react-feedback-loop/server";
 *
 * const rows = [...toKto(events)]; // [{ prompt: "Hi", completion: "Hello!", label: true }, ...]
 * ```
 */
export function toKto(events: Iterable<FeedbackEvent>, options?: KtoOptions): Dataset<KtoRow>;
export function toKto(events: AsyncIterable<FeedbackEvent>, options?: KtoOptions): AsyncDataset<KtoRow>;
export function toKto(events: EventSource, options: KtoOptions = {}): Dataset<KtoRow> | AsyncDataset<KtoRow> {
  return runDataset(events, () => ktoBuilder(options));
}
