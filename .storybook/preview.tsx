import type { Decorator, Preview } from "@storybook/react-vite";
import { useEffect } from "react";
import "../src/styles/styles.css";
import "../stories/support/stories.css";
import { withStatesHeld } from "./holdStates";
import { withFeedbackLog } from "./withFeedbackLog";

/**
 * The toolbar's theme and direction, set on the preview's root element: `data-theme` picks the kit's light or
 * dark tokens ("auto" follows the system), `dir` flips every story to right-to-left.
 */
const withThemeAndDirection: Decorator = (Story, context) => {
  const theme = context.globals.theme as "auto" | "light" | "dark" | undefined;
  const dir = context.globals.dir as "ltr" | "rtl" | undefined;
  useEffect(() => {
    const root = document.documentElement;
    if (theme === "light" || theme === "dark") root.dataset.theme = theme;
    else delete root.dataset.theme;
    root.dir = dir === "rtl" ? "rtl" : "ltr";
  }, [theme, dir]);
  return <Story />;
};

// A docs page shows every story of a component at once: a widget that takes the focus when it mounts (an open
// feedback form) must not scroll the page down to itself. Focus moves there, the page stays where it is.
let onDocsPage = false;
const focus = HTMLElement.prototype.focus;
HTMLElement.prototype.focus = function focusWithoutScrollOnDocs(this: HTMLElement, options?: FocusOptions) {
  focus.call(this, onDocsPage ? { ...options, preventScroll: true } : options);
};
const withDocsFocus: Decorator = (Story, context) => {
  onDocsPage = context.viewMode === "docs";
  return <Story />;
};

const preview: Preview = {
  decorators: [withFeedbackLog, withThemeAndDirection, withDocsFocus, withStatesHeld],
  // Every visit gets its own in-memory sink and its own session (see withFeedbackLog), so events from separate
  // visits never share a sessionId in a collector's file; play functions read the sink from `loaded`.
  // The parts of the kit that arrive on first use (the follow-up form, the edit event's diff engine) are loaded
  // before a story renders: a page starts them on hover or focus, which a play function's click does not wait
  // for, and on a busy machine the dev server compiles them slower than a play function's patience.
  loaders: [
    async () => {
      const [{ memorySink }, { FeedbackForm }, { lazyEditEvent }] = await Promise.all([
        import("../src/sinks/memorySink"),
        import("../src/form/lazyFeedbackForm"),
        import("../src/edits/lazyEditEvent"),
      ]);
      await Promise.all([FeedbackForm.preload(), lazyEditEvent.load()]);
      return { feedbackSink: memorySink(), sessionId: crypto.randomUUID() };
    },
  ],
  globalTypes: {
    theme: {
      description: "Colour scheme of the kit's tokens",
      toolbar: {
        title: "Theme",
        icon: "contrast",
        items: [
          { value: "auto", title: "System" },
          { value: "light", title: "Light" },
          { value: "dark", title: "Dark" },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: "Text direction",
      toolbar: {
        title: "Direction",
        icon: "transfer",
        items: [
          { value: "ltr", title: "Left to right" },
          { value: "rtl", title: "Right to left" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "auto", dir: "ltr" },
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
