import type { Preview } from "@storybook/react-vite";
import "../src/styles/styles.css";
import { withFeedbackLog } from "./withFeedbackLog";

const preview: Preview = {
  decorators: [withFeedbackLog],
  // Every story gets its own in-memory sink (see withFeedbackLog); play functions read it from `loaded`.
  loaders: [async () => ({ feedbackSink: (await import("../src/sinks/memorySink")).memorySink() })],
  parameters: {
    layout: "padded",
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // An axe violation fails the story's test, not just a warning in the panel.
    a11y: { test: "error" },
    // The demo chat is the first thing Storybook shows.
    options: { storySort: { order: ["Demo", ["Chat"], "*"] } },
  },
  tags: ["autodocs"],
};

export default preview;
