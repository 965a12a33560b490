import { acceptAll, type FeedbackSink } from "./types";

/**
 * Logs each event with `console.info`: for development, to see what a click sends.
 *
 * @example
 * ```tsx
 * <FeedbackProvider sink={consoleSink()}>...</FeedbackProvider>
 * ```
 */
export function consoleSink(label = "[feedback]"): FeedbackSink {
  return {
    name: "console",
    delivery: "in-page",
    async send(events) {
      for (const event of events) console.info(label, event.type, event);
      return acceptAll(events);
    },
  };
}
