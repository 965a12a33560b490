import type { FeedbackEvent, FeedbackEventType } from "../events/types";
import { validateEvent } from "../events/validate";
import { recentIds } from "./recentIds";
import type { DatasetOptions, DatasetReport } from "./types";

/** Open prompts kept by default (see `DatasetOptions.maxOpen`). */
export const DEFAULT_MAX_OPEN = 10_000;

// Retries of one event reach the collector within minutes, so a window of recent ids catches them.
const IDS_PER_OPEN_PROMPT = 10;

/**
 * The first step of every dataset function: counts each item, skips (and counts) invalid ones and events whose
 * id was seen already, and returns the event when its type is one the builder `reads` (the builder's only list
 * of them, which the export's reader also goes by).
 */
export function eventIntake(
  options: DatasetOptions,
  report: DatasetReport,
  reads: ReadonlySet<FeedbackEventType>,
): (item: unknown) => FeedbackEvent | undefined {
  const validate = options.validate ?? true;
  const seen =
    options.deduplicate === false ? undefined : recentIds((options.maxOpen ?? DEFAULT_MAX_OPEN) * IDS_PER_OPEN_PROMPT);
  return (item) => {
    report.events++;
    if (validate && validateEvent(item) !== undefined) {
      report.invalid++;
      return undefined;
    }
    const event = item as FeedbackEvent;
    // Every event joins the window of ids, whatever its type, so the window spans the same events either way.
    if (seen && !seen.firstSeen(event.id)) {
      report.duplicates++;
      return undefined;
    }
    return reads.has(event.type) ? event : undefined;
  };
}
