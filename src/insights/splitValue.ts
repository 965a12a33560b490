import type { FeedbackEvent } from "../events/types";

/** Shown for an event that has no value for the split field. */
export const NO_VALUE = "(none)";

/**
 * The value of the split field for `event`: `"app"`, `"environment"`, or `"metadata.<key>"` (one level, as apps
 * put model, prompt version or experiment arm there). Non-string values are written as JSON.
 */
export function splitValue(event: FeedbackEvent, splitBy: string): string {
  let value: unknown;
  if (splitBy === "app") value = event.app;
  else if (splitBy === "environment") value = event.environment;
  else if (splitBy.startsWith("metadata.")) value = event.metadata?.[splitBy.slice("metadata.".length)];
  if (value === undefined || value === null || value === "") return NO_VALUE;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** True for a field `summarize` can split by. */
export function isSplitField(splitBy: string): boolean {
  return splitBy === "app" || splitBy === "environment" || /^metadata\.[^.]+$/.test(splitBy);
}
