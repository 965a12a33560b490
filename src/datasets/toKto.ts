import type { FeedbackEvent, FeedbackEventType } from "../events/types";
import { answerGroups } from "./answerGroups";
import { rankedChoices } from "./choosePairs";
import { runDataset } from "./dataset";
import { emptyReport } from "./emptyReport";
import { DEFAULT_MAX_OPEN, eventIntake } from "./eventIntake";
import { promptText } from "./promptText";
import type { AsyncDataset, Dataset, DatasetBuilder, EventSource, KtoOptions, KtoRow } from "./types";

// The event types KTO rows come from: `add` below sees no other.
const READS = new Set<FeedbackEventType>(["rating", "preference"]);

/** The single-pass builder behind `toKto` (the CLI drives it line by line). */
export function ktoBuilder(options: KtoOptions = {}): DatasetBuilder<KtoRow> {
  const conversational = options.format === "trl-conversational";
  const report = emptyReport();
  const intake = eventIntake(options, report, READS);
  const groups = answerGroups<KtoRow>(options.maxOpen ?? DEFAULT_MAX_OPEN, report, "texts", (group, out) => {
    const write = (content: string | undefined, label: boolean) => {
      if (content === undefined) report.withoutText++;
      else if (!group.prompt || group.prompt.length === 0) report.withoutPrompt++;
      else {
        out.push({
          prompt: conversational ? group.prompt : promptText(group.prompt),
          completion: conversational ? [{ role: "assistant", content }] : content,
          label,
        });
        report.rows++;
      }
    };
    // One row per answer, labelled by the strongest signal about it: choices, strongest first, then votes (most
    // prompts have no choice, and no set). A tie says neither answer is better, nothing about either on its own:
    // it labels nothing.
    const labelled = group.choices.length > 0 ? new Set<string>() : undefined;
    for (const choice of rankedChoices(group)) {
      if (choice.strength === "tie") {
        report.ties++;
        continue;
      }
      for (const [answer, label] of [
        [choice.chosen, true],
        [choice.rejected, false],
      ] as const) {
        if (labelled?.has(answer.messageId)) continue;
        labelled?.add(answer.messageId);
        write(answer.content, label);
      }
    }
    for (const rating of group.ratings) {
      if (labelled?.has(rating.messageId)) continue;
      if (rating.value === null) report.withdrawn++;
      else write(rating.content, rating.value === "up");
    }
  });
  return {
    report,
    reads: READS,
    add(item, out) {
      const event = intake(item);
      if (event?.type === "rating" || event?.type === "preference") groups.add(event, out);
    },
    end: (out) => groups.end(out),
  };
}

/**
 * Turns votes and preferences into unpaired preference data for TRL's `KTOTrainer`: one `{prompt, completion,
 * label}` row per answer, `label` true for an answer voted up or chosen over another, false for one voted down or
 * not chosen. Each answer is labelled once, by the strongest signal about it: a choice asked side by side
 * (`compare`), then a version kept (`kept`), then the user's vote; within one source the latest counts. A `tie`
 * labels neither answer. The latest rating per `feedbackKey` counts (by `ts`, then id); a withdrawn vote counts
 * as none; an event id seen twice counts once; an answer without a prompt or without its text is skipped and
 * counted in `report`.
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
