import { callbackSink } from "../src/sinks/callbackSink";
import { fanoutSink } from "../src/sinks/fanoutSink";
import type { MemorySink } from "../src/sinks/memorySink";
import type { FeedbackSink } from "../src/sinks/types";

// `STORYBOOK_FEEDBACK_URL=http://127.0.0.1:8787/feedback npm run storybook` also sends every story's events to
// that relay, for example the local collector (`npx react-feedback-loop serve`), so they land in its JSONL file.
export const collectorUrl = (import.meta as { env?: Record<string, string | undefined> }).env?.STORYBOOK_FEEDBACK_URL;

function postTo(url: string): FeedbackSink {
  return callbackSink(async (events, { signal, keepalive }) => {
    // text/plain keeps it a simple request: no CORS preflight.
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ events }),
      signal,
      keepalive,
    });
    if (!response.ok && response.status !== 207) throw new Error(`the collector answered HTTP ${response.status}`);
  }, "collector");
}

const withCollector = new WeakMap<MemorySink, FeedbackSink>();

/** The story's memory sink, fanned out to the collector when `STORYBOOK_FEEDBACK_URL` is set. */
export function storySink(sink: MemorySink): FeedbackSink {
  if (!collectorUrl) return sink;
  let fanned = withCollector.get(sink);
  if (!fanned) {
    fanned = fanoutSink(sink, postTo(collectorUrl));
    withCollector.set(sink, fanned);
  }
  return fanned;
}
