import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { FeedbackMessage, type MemorySink, type RatingValue, ThumbButton, ThumbsFeedback } from "../src";
import { StateCell, StateGrid } from "./support/StateGrid";
import { ThemeFrames } from "./support/ThemeFrames";

const ANSWER = "The Eiffel Tower was finished in 1889 for the World's Fair.";

const meta = {
  title: "Widgets/ThumbsFeedback",
  component: ThumbsFeedback,
  args: { onValueChange: fn() },
  decorators: [
    (Story) => (
      <FeedbackMessage messageId="msg-1" traceId="4bf92f3577b34da6a3ce929d0e0e4736" content={ANSWER}>
        <p style={{ fontFamily: "system-ui", margin: "0 0 0.5rem" }}>{ANSWER}</p>
        <Story />
      </FeedbackMessage>
    ),
  ],
  parameters: {
    docs: {
      description: {
        component:
          "Thumbs up and down for one message. A click emits a `rating` at once; clicking the pressed thumb withdraws the vote (`value: null`); the other thumb switches it (`previous`). After a thumbs-down a short form asks for reasons and a comment. Watch the event log.",
      },
    },
  },
} satisfies Meta<typeof ThumbsFeedback>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Vote, withdraw, switch: each click is one `rating` event with the same `feedbackKey`. */
export const VoteWithdrawSwitch: Story = {
  args: { followUpOn: [] },
  play: async ({ canvasElement, loaded, args }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    const up = canvas.getByRole("button", { name: "Good response" });
    const down = canvas.getByRole("button", { name: "Bad response" });
    await userEvent.click(up);
    await expect(up).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(up);
    await expect(up).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(up);
    await userEvent.click(down);
    await expect(down).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(sink.events).toHaveLength(4));
    await expect(sink.events.map((event) => event.type === "rating" && [event.value, event.previous])).toEqual([
      ["up", null],
      [null, "up"],
      ["up", null],
      ["down", "up"],
    ]);
    await expect(new Set(sink.events.map((event) => event.feedbackKey))).toEqual(new Set(["msg-1:rating"]));
    await expect(args.onValueChange).toHaveBeenLastCalledWith("down", expect.objectContaining({ value: "down" }));
  },
};

/** A thumbs-down opens the form; reasons and a comment go out as a second `rating` with the same key. */
export const DownWithReasons: Story = {
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    const down = canvas.getByRole("button", { name: "Bad response" });
    await userEvent.click(down);
    await expect(canvas.getByRole("button", { name: "Made things up" })).toHaveFocus();
    await userEvent.click(canvas.getByRole("button", { name: "Made things up" }));
    await userEvent.type(canvas.getByRole("textbox", { name: "Comment (optional)" }), "It opened in 1889.");
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await expect(canvas.getByText("Thanks for your feedback")).toBeVisible();
    await expect(down).toHaveFocus();
    await waitFor(() => expect(sink.events).toHaveLength(2));
    await expect(sink.events[1]).toMatchObject({
      type: "rating",
      value: "down",
      feedbackKey: "msg-1:rating",
      reasons: ["hallucination"],
      comment: "It opened in 1889.",
    });
  },
};

/** Escape closes the form and keeps the vote; the focus goes back to the thumb. */
export const CloseKeepsVote: Story = {
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    const down = canvas.getByRole("button", { name: "Bad response" });
    await userEvent.click(down);
    await expect(canvas.getByRole("form", { name: "What went wrong?" })).toBeVisible();
    await userEvent.keyboard("{Escape}");
    await expect(canvas.queryByRole("form")).not.toBeInTheDocument();
    await expect(down).toHaveFocus();
    await expect(down).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(sink.events).toHaveLength(1));
  },
};

/** A form after a thumbs-up too, with the app's own reasons for each direction. */
export const FormAfterUpToo: Story = {
  args: {
    followUpOn: ["up", "down"],
    reasons: {
      up: ["correct", { key: "sourced", label: "Good sources" }],
      down: ["hallucination", { key: "outdated", label: "Out of date" }, "other"],
    },
  },
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Good response" }));
    await userEvent.click(canvas.getByRole("button", { name: "Good sources" }));
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    await expect(sink.events[1]).toMatchObject({ value: "up", reasons: ["sourced"] });
  },
};

/** Controlled by the app: the vote lives in the app's state (here with a reset button). */
export const Controlled: Story = {
  args: { followUpOn: [] },
  render: (args) => {
    const [value, setValue] = useState<RatingValue>("up");
    return (
      <div style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
        <ThumbsFeedback
          {...args}
          value={value}
          onValueChange={(next, event) => {
            args.onValueChange?.(next, event);
            setValue(next);
          }}
        />
        <button type="button" onClick={() => setValue(null)}>
          Reset vote
        </button>
        <output>vote: {value ?? "none"}</output>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("button", { name: "Good response" })).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(canvas.getByRole("button", { name: "Bad response" }));
    await expect(canvas.getByText("vote: down")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Reset vote" }));
    await expect(canvas.getByRole("button", { name: "Bad response" })).toHaveAttribute("aria-pressed", "false");
  },
};

/** The app's own buttons through `asChild`; labels and icons replaced. */
export const OwnButtonsAndLabels: Story = {
  args: { followUpOn: [], labels: { thumbsGroup: "War die Antwort gut?", thumbUp: "Gut", thumbDown: "Schlecht" } },
  render: (args) => (
    <ThumbsFeedback {...args}>
      <ThumbButton thumb="up" asChild>
        <button type="button" style={{ borderRadius: 999, padding: "0.25rem 0.75rem" }}>
          👍 Gut
        </button>
      </ThumbButton>
      <ThumbButton thumb="down" asChild>
        <button type="button" style={{ borderRadius: 999, padding: "0.25rem 0.75rem" }}>
          👎 Schlecht
        </button>
      </ThumbButton>
    </ThumbsFeedback>
  ),
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("group", { name: "War die Antwort gut?" })).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "👍 Gut" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
  },
};

/** Disabled: nothing can be clicked, nothing is sent. */
export const Disabled: Story = {
  args: { disabled: true, defaultValue: "up" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("button", { name: "Good response" })).toBeDisabled();
    await expect(canvas.getByRole("button", { name: "Bad response" })).toBeDisabled();
  },
};

/**
 * Tooltips: the thumb's label on keyboard focus at once, on hover after half a second. Each tooltip is
 * mounted when first asked for and placed above its own button; the focused button keeps the focus.
 */
export const Tooltips: Story = {
  args: { followUpOn: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    const up = canvas.getByRole("button", { name: "Good response" });
    const down = canvas.getByRole("button", { name: "Bad response" });
    const placedAbove = (tooltip: HTMLElement, button: HTMLElement) => {
      const tip = tooltip.getBoundingClientRect();
      const anchor = button.getBoundingClientRect();
      // Just above the button (a `sideOffset` of 4 px) and overlapping it across.
      const gap = anchor.top - tip.bottom;
      return gap >= 0 && gap <= 8 && tip.left < anchor.right && tip.right > anchor.left;
    };

    up.focus();
    const upTip = await page.findByRole("tooltip");
    await expect(upTip).toHaveTextContent("Good response");
    await expect(up).toHaveFocus();
    await expect(up).toHaveAccessibleDescription("Good response");
    await waitFor(() => expect(placedAbove(upTip, up)).toBe(true));

    up.blur();
    await userEvent.hover(down);
    await waitFor(() => expect(page.getByRole("tooltip")).toHaveTextContent("Bad response"));
    const downTip = page.getByRole("tooltip");
    await waitFor(() => expect(placedAbove(downTip, down)).toBe(true));
    await userEvent.unhover(down);
  },
};

/** Every state side by side: no vote, up, down, disabled, form open, thanks. */
export const AllStates: Story = {
  render: () => (
    <StateGrid>
      <StateCell title="No vote">
        <FeedbackMessage messageId="none">
          <ThumbsFeedback />
        </FeedbackMessage>
      </StateCell>
      <StateCell title="Voted up">
        <FeedbackMessage messageId="up">
          <ThumbsFeedback defaultValue="up" />
        </FeedbackMessage>
      </StateCell>
      <StateCell title="Voted down">
        <FeedbackMessage messageId="down">
          <ThumbsFeedback defaultValue="down" />
        </FeedbackMessage>
      </StateCell>
      <StateCell title="Disabled">
        <FeedbackMessage messageId="disabled">
          <ThumbsFeedback disabled defaultValue="down" />
        </FeedbackMessage>
      </StateCell>
      <StateCell title="Form open">
        <FeedbackMessage messageId="form">
          <ThumbsFeedback labels={{ thumbDown: "Bad response (form)" }} />
        </FeedbackMessage>
      </StateCell>
      <StateCell title="Thanks">
        <FeedbackMessage messageId="thanks">
          <ThumbsFeedback labels={{ thumbDown: "Bad response (thanks)" }} />
        </FeedbackMessage>
      </StateCell>
    </StateGrid>
  ),
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Bad response (thanks)" }));
    await userEvent.click(canvas.getByRole("button", { name: "Submit" }));
    await expect(canvas.getByText("Thanks for your feedback")).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Bad response (form)" }));
    await expect(canvas.getByRole("form", { name: "What went wrong?" })).toBeVisible();
    await waitFor(() => expect(sink.events).toHaveLength(3));
    await expect(sink.events.map((event) => event.messageId)).toEqual(["thanks", "thanks", "form"]);
  },
};

/** Light, dark and right to left, with the form open after a thumbs-down. */
export const LightDarkAndRtl: Story = {
  render: () => (
    <ThemeFrames>
      {(frame) => (
        <FeedbackMessage messageId={`thumbs-${frame.id}`} content={ANSWER}>
          <p style={{ margin: 0 }}>{ANSWER}</p>
          <ThumbsFeedback labels={{ formTitleDown: `What went wrong? (${frame.title.toLowerCase()})` }} />
        </FeedbackMessage>
      )}
    </ThemeFrames>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const down of canvas.getAllByRole("button", { name: "Bad response" })) await userEvent.click(down);
    await expect(canvas.getAllByRole("form", { name: /^What went wrong\?/ })).toHaveLength(4);
  },
};
