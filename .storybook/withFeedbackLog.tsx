import type { Decorator } from "@storybook/react-vite";
import { FeedbackProvider } from "../src/provider/FeedbackProvider";
import type { MemorySink } from "../src/sinks/memorySink";
import { EventLog } from "../stories/support/EventLog";
import { storySink } from "./collectorSink";

/**
 * Wraps each story in a `FeedbackProvider` on the story's in-memory sink and shows, beside it, every event the
 * story emits as JSON, live. A story that brings its own provider sets `parameters.feedback.provider = false`.
 */
export const withFeedbackLog: Decorator = (Story, context) => {
  const sink = context.loaded.feedbackSink as MemorySink;
  const ownProvider = context.parameters.feedback?.provider === false;
  const hideLog = context.parameters.feedback?.log === false || context.viewMode === "docs";
  const story = ownProvider ? (
    <Story />
  ) : (
    <FeedbackProvider
      sink={storySink(sink)}
      context={{ app: "storybook", environment: "development", sessionId: "story-session" }}
    >
      <Story />
    </FeedbackProvider>
  );
  if (hideLog) return story;
  return (
    <div
      style={{
        display: "grid",
        gridTemplateColumns: "minmax(0, 1fr) minmax(16rem, 26rem)",
        gap: "1.5rem",
        alignItems: "start",
      }}
    >
      <div>{story}</div>
      <EventLog sink={sink} />
    </div>
  );
};
