import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CopyButton, FeedbackMessage, type MemorySink } from "../src";
import { StateCell, StateGrid } from "./support/StateGrid";
import { ThemeFrames } from "./support/ThemeFrames";

const ANSWER = "Install it with npm install react-feedback-loop and wrap your app in FeedbackProvider.";

// Headless Chromium refuses real clipboard writes without a person's gesture: the stories stand in for it.
function fakeClipboard() {
  const writeText = fn(async (_text: string) => {});
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  return { writeText, restore: () => Reflect.deleteProperty(navigator, "clipboard") };
}

const meta = {
  title: "Widgets/CopyButton",
  component: CopyButton,
  decorators: [
    (Story) => (
      <FeedbackMessage messageId="msg-1" content={ANSWER}>
        <p style={{ fontFamily: "system-ui", margin: "0 0 0.5rem" }}>{ANSWER}</p>
        <Story />
      </FeedbackMessage>
    ),
  ],
  parameters: {
    docs: {
      description: {
        component:
          'Copies the message to the clipboard inside the click, shows and announces “Copied” for about 1.5 s, and emits `copy` with `source: "button"`. A native copy of a selection inside a `FeedbackMessage` emits `copy` with `source: "selection"` (or `"code"` from a code block) with no button at all.',
      },
    },
  },
} satisfies Meta<typeof CopyButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Click: the text is written, “Copied” is shown and announced, and `copy` goes out. */
export const CopyByButton: Story = {
  play: async ({ canvasElement, loaded }) => {
    const clipboard = fakeClipboard();
    try {
      const sink = loaded.feedbackSink as MemorySink;
      const canvas = within(canvasElement);
      await userEvent.click(canvas.getByRole("button", { name: "Copy" }));
      await expect(await canvas.findByRole("button", { name: "Copied" })).toHaveAttribute("data-state", "copied");
      await expect(canvas.getByRole("log")).toHaveTextContent("Copied");
      await expect(clipboard.writeText).toHaveBeenCalledWith(ANSWER);
      await waitFor(() => expect(sink.events).toHaveLength(1));
      await expect(sink.events[0]).toMatchObject({ type: "copy", source: "button", chars: ANSWER.length, fraction: 1 });
      await expect(await canvas.findByRole("button", { name: "Copy" }, { timeout: 3000 })).toBeVisible();
    } finally {
      clipboard.restore();
    }
  },
};

/** Where `navigator.clipboard` is missing, the older `execCommand("copy")` does the work. */
export const FallbackWithoutClipboardApi: Story = {
  play: async ({ canvasElement, loaded }) => {
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    const original = document.execCommand;
    const execCommand = fn(() => true);
    document.execCommand = execCommand;
    try {
      const sink = loaded.feedbackSink as MemorySink;
      const canvas = within(canvasElement);
      await userEvent.click(canvas.getByRole("button", { name: "Copy" }));
      await expect(execCommand).toHaveBeenCalledWith("copy");
      await waitFor(() => expect(sink.events).toHaveLength(1));
    } finally {
      document.execCommand = original;
      Reflect.deleteProperty(navigator, "clipboard");
    }
  },
};

/** A native copy (Ctrl/Cmd+C) of part of the message: `source: "selection"`, with length and share. */
export const CopyBySelection: Story = {
  render: () => <span />,
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const paragraph = within(canvasElement).getByText(ANSWER);
    const range = document.createRange();
    range.setStart(paragraph.firstChild as Node, 0);
    range.setEnd(paragraph.firstChild as Node, 10);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    // What the browser fires on Ctrl/Cmd+C: a copy event at the element where the selection starts.
    paragraph.dispatchEvent(new ClipboardEvent("copy", { bubbles: true, cancelable: true }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({
      type: "copy",
      source: "selection",
      chars: 10,
      fraction: Math.round((10 / ANSWER.length) * 10_000) / 10_000,
    });
  },
};

/** A copy inside a code block reports `source: "code"`; a code block's own button can say so too. */
export const CopyFromCode: Story = {
  render: () => (
    <div style={{ position: "relative" }}>
      <pre style={{ background: "#f6f8fa", color: "#1f2328", padding: "0.75rem", borderRadius: 8 }}>
        <code>npm install react-feedback-loop</code>
      </pre>
      <CopyButton text="npm install react-feedback-loop" source="code" labels={{ copy: "Copy code" }} />
    </div>
  ),
  play: async ({ canvasElement, loaded }) => {
    const clipboard = fakeClipboard();
    try {
      const sink = loaded.feedbackSink as MemorySink;
      const canvas = within(canvasElement);
      const code = canvas.getByText("npm install react-feedback-loop");
      const range = document.createRange();
      range.selectNodeContents(code);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      code.dispatchEvent(new ClipboardEvent("copy", { bubbles: true, cancelable: true }));
      await userEvent.click(canvas.getByRole("button", { name: "Copy code" }));
      await waitFor(() => expect(sink.events).toHaveLength(2));
      await expect(sink.events.map((event) => event.type === "copy" && event.source)).toEqual(["code", "code"]);
    } finally {
      clipboard.restore();
    }
  },
};

/** The app's own button through `asChild`. */
export const OwnButton: Story = {
  args: { asChild: true, tooltip: false },
  render: (args) => (
    <CopyButton {...args}>
      <button type="button" style={{ padding: "0.25rem 0.75rem" }}>
        Copy answer
      </button>
    </CopyButton>
  ),
  play: async ({ canvasElement, loaded }) => {
    const clipboard = fakeClipboard();
    try {
      const sink = loaded.feedbackSink as MemorySink;
      await userEvent.click(within(canvasElement).getByRole("button", { name: "Copy answer" }));
      await waitFor(() => expect(sink.events).toHaveLength(1));
    } finally {
      clipboard.restore();
    }
  },
};

/** Every state side by side: idle, copied, failed, disabled (nothing to copy). */
export const AllStates: Story = {
  render: () => (
    <StateGrid>
      <StateCell title="Idle">
        <CopyButton labels={{ copy: "Copy (idle)" }} />
      </StateCell>
      <StateCell title="Copied">
        <CopyButton labels={{ copy: "Copy (copied)" }} />
      </StateCell>
      <StateCell title="Failed">
        <FeedbackMessage messageId="failing" content="x">
          <CopyButton labels={{ copy: "Copy (failing)" }} />
        </FeedbackMessage>
      </StateCell>
      <StateCell title="Disabled">
        <FeedbackMessage messageId="empty">
          <CopyButton labels={{ copy: "Copy (nothing to copy)" }} />
        </FeedbackMessage>
      </StateCell>
    </StateGrid>
  ),
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    const clipboard = fakeClipboard();
    try {
      await userEvent.click(canvas.getByRole("button", { name: "Copy (copied)" }));
      clipboard.writeText.mockRejectedValue(new Error("denied"));
      const original = document.execCommand;
      document.execCommand = () => false;
      await userEvent.click(canvas.getByRole("button", { name: "Copy (failing)" }));
      document.execCommand = original;
      await expect(await canvas.findByRole("button", { name: "Copy failed" })).toHaveAttribute("data-state", "failed");
      await expect(canvas.getByRole("button", { name: "Copy (nothing to copy)" })).toBeDisabled();
      await waitFor(() => expect(sink.events).toHaveLength(1));
    } finally {
      clipboard.restore();
    }
  },
};

/** Light, dark and right to left. */
export const LightDarkAndRtl: Story = {
  render: () => (
    <ThemeFrames>
      {(frame) => (
        <FeedbackMessage messageId={`copy-${frame.id}`} content="Copy me">
          <CopyButton />
        </FeedbackMessage>
      )}
    </ThemeFrames>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole("button", { name: "Copy" })).toHaveLength(4);
  },
};
