import { FeedbackError } from "../errors";
import type { FeedbackEvent, FeedbackEventType, PromptMessage } from "../events/types";
import { answerGroups } from "./answerGroups";
import { choosePairs } from "./choosePairs";
import { runDataset } from "./dataset";
import { emptyReport } from "./emptyReport";
import { DEFAULT_MAX_OPEN, eventIntake } from "./eventIntake";
import { formatPair, isPreferredOutput } from "./formatPair";
import type {
  AsyncDataset,
  Dataset,
  DatasetBuilder,
  EventSource,
  PreferencePair,
  PreferencePairOptions,
} from "./types";

function checkOptions({ format, implicitPrompt }: PreferencePairOptions): void {
  if (implicitPrompt && isPreferredOutput(format)) {
    throw new FeedbackError(
      "config",
      'implicitPrompt works with the "trl" and "trl-conversational" formats only: preferred-output data needs the input messages.',
    );
  }
}

// The event types pairs come from: `add` below sees no other.
const READS = new Set<FeedbackEventType>(["edit", "rating", "regenerate", "preference"]);

/** The single-pass builder behind `toPreferencePairs` (the CLI drives it line by line). */
export function preferencePairBuilder(options: PreferencePairOptions): DatasetBuilder<PreferencePair> {
  checkOptions(options);
  const { format, implicitPrompt = false } = options;
  const report = emptyReport();
  const intake = eventIntake(options, report, READS);

  function write(out: PreferencePair[], prompt: PromptMessage[] | undefined, chosen: string, rejected: string) {
    if ((!prompt || prompt.length === 0) && !implicitPrompt) {
      report.withoutPrompt++;
      return;
    }
    out.push(formatPair(format, implicitPrompt, prompt, chosen, rejected));
    report.rows++;
  }

  const groups = answerGroups<PreferencePair>(options.maxOpen ?? DEFAULT_MAX_OPEN, report, "texts", (group, out) => {
    for (const { chosen, rejected } of choosePairs(group, report)) write(out, group.prompt, chosen, rejected);
  });

  return {
    report,
    reads: READS,
    add(item, out) {
      const event = intake(item);
      if (!event) return;
      if (event.type === "edit") {
        if (event.accepted || event.final === event.draft) report.unchanged++;
        else write(out, event.prompt, event.final, event.draft);
      } else if (event.type === "rating" || event.type === "regenerate" || event.type === "preference") {
        groups.add(event, out);
      }
    },
    end: (out) => groups.end(out),
  };
}

/**
 * Turns feedback events into DPO preference pairs, in one pass:
 *
 * - an edit gives the user's `final` text as chosen over the model's `draft` as rejected, for the event's
 *   prompt (an unchanged edit, `accepted: true`, gives none);
 * - a preference gives the chosen answer over the other, for the event's prompt; a `tie` gives none;
 * - among the answers to the same prompt (the same `sessionId` and identical prompt messages, see
 *   `samePromptKey`), each answer voted up is chosen over each answer voted down or replaced by a regenerate.
 *   The latest rating per `feedbackKey` counts (by `ts`, then id); a withdrawn vote counts as none.
 *
 * Each pair of answers is written once, decided by the strongest signal about the two: a choice asked side by
 * side (`source: "compare"`) outranks a version kept (`"kept"`), which outranks votes and regenerates; within
 * one source the latest choice (per `feedbackKey`) wins. A tie decides its pair too: no pair is written.
 *
 * An event id seen twice counts once. A pair without a prompt is skipped and counted in `report.withoutPrompt`,
 * or written with `implicitPrompt`. Edit pairs come out as they are read, vote and preference pairs when their
 * prompt settles (see `DatasetOptions.maxOpen` for the memory bound). Pass an array for a sync iterable, a
 * stream for an async one.
 *
 * @example
 * ```ts
 * import { toPreferencePairs } from "react-feedback-loop/server";
 *
 * const pairs = toPreferencePairs(events, { format: "trl" });
 * const rows = [...pairs]; // [{ prompt, chosen, rejected }, ...]
 * console.log(`${rows.length} pairs, ${pairs.report.withoutPrompt} skipped without a prompt`);
 * ```
 */
export function toPreferencePairs(
  events: Iterable<FeedbackEvent>,
  options: PreferencePairOptions,
): Dataset<PreferencePair>;
export function toPreferencePairs(
  events: AsyncIterable<FeedbackEvent>,
  options: PreferencePairOptions,
): AsyncDataset<PreferencePair>;
export function toPreferencePairs(
  events: EventSource,
  options: PreferencePairOptions,
): Dataset<PreferencePair> | AsyncDataset<PreferencePair> {
  checkOptions(options); // now, not at the first iteration
  return runDataset(events, () => preferencePairBuilder(options));
}
