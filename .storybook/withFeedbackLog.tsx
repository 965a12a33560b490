import type { Decorator } from "@storybook/react-vite";
import { FeedbackProvider } from "../src/provider/FeedbackProvider";
import type { MemorySink } from "../src/sinks/memorySink";
import { StoryWithLog } from "../stories/support/StoryWithLog";
import { collectorUrl, storySink } from "./collectorSink";

/** Where the story's events go, in the sentence the log shows under its heading. */
export const storyDestination = collectorUrl
  ? `Kept in memory on this page and sent to ${collectorUrl}.`
  : "Kept in memory on this page (set STORYBOOK_FEEDBACK_URL to send them to a collector).";

/**
 * Wraps each story in a `FeedbackProvider` on the story's in-memory sink, with a fresh `sessionId` per visit,
 * and shows its event log beside it (in a drawer on a phone). A story that brings its own provider sets
 * `parameters.feedback.provider = false`; one with nothing to log sets `parameters.feedback.log = false`.
 * Docs pages show the stories alone.
 */
export const withFeedbackLog: Decorator = (Story, context) => {
  const sink = context.loaded.feedbackSink as MemorySink;
  const ownProvider = context.parameters.feedback?.provider === false;
  const hideLog = ownProvider || context.parameters.feedback?.log === false || context.viewMode === "docs";
  const story = ownProvider ? (
    <Story />
  ) : (
    <FeedbackProvider
      sink={storySink(sink)}
      context={{ app: "storybook", environment: "development", sessionId: context.loaded.sessionId as string }}
    >
      <Story />
    </FeedbackProvider>
  );
  if (hideLog) return story;
  return (
    <StoryWithLog sink={sink} destination={storyDestination}>
      {story}
    </StoryWithLog>
  );
};
