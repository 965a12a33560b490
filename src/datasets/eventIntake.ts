import type { FeedbackEvent } from "../events/types";
import { validateEvent } from "../events/validate";
import { recentIds } from "./recentIds";
import type { DatasetOptions, DatasetReport } from "./types";

/** Open prompts kept by default (see `DatasetOptions.maxOpen`). */
export const DEFAULT_MAX_OPEN = 10_000;

// Retries of one event reach the collector within minutes, so a window of recent ids catches them.
const IDS_PER_OPEN_PROMPT = 10;

/**
 * The first step of every dataset function: counts each item, skips (and counts) invalid ones and events whose
 * id was seen already. Returns the event when it should be used.
 */
export function eventIntake(
  options: DatasetOptions,
  report: DatasetReport,
): (item: unknown) => FeedbackEvent | undefined {
  const validate = options.validate ?? true;
  const seen = recentIds((options.maxOpen ?? DEFAULT_MAX_OPEN) * IDS_PER_OPEN_PROMPT);
  return (item) => {
    report.events++;
    if (validate && validateEvent(item) !== undefined) {
      report.invalid++;
      return undefined;
    }
    const event = item as FeedbackEvent;
    if (!seen.firstSeen(event.id)) {
      report.duplicates++;
      return undefined;
    }
    return event;
  };
}
