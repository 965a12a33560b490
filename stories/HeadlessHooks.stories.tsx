import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { FeedbackMessage, type MemorySink, useCopy, useFeedbackForm, useRegenerate, useThumbs } from "../src";

// A design system's own button: the hooks give it state, ARIA and behaviour, and no markup of ours.
const pill = {
  font: "14px system-ui, sans-serif",
  padding: "0.25rem 0.75rem",
  borderRadius: 999,
  border: "1px solid #6b21a8",
  background: "#faf5ff",
  color: "#3b0764",
  cursor: "pointer",
} as const;

function DesignSystemActions() {
  // Buttons with visible text: the labels match it, so the accessible name is what people see.
  const thumbs = useThumbs({ labels: { thumbUp: "Like", thumbDown: "Dislike" } });
  const copy = useCopy();
  const regenerate = useRegenerate({ onRegenerate: () => {} });
  const [asking, setAsking] = useState(false);
  return (
    <div style={{ display: "grid", gap: "0.5rem", justifyItems: "start" }}>
      <div style={{ display: "flex", gap: "0.5rem" }}>
        <div {...thumbs.getGroupProps()} style={{ display: "flex", gap: "0.25rem" }}>
          <button style={pill} {...thumbs.getButtonProps("up")}>
            Like
          </button>
          <button
            style={pill}
            {...thumbs.getButtonProps("down", { onClick: () => setAsking(thumbs.value !== "down") })}
          >
            Dislike
          </button>
        </div>
        <button style={pill} {...copy.getButtonProps()}>
          {copy.label}
        </button>
        <button style={pill} {...regenerate.getButtonProps()}>
          {regenerate.label}
        </button>
      </div>
      {asking && <ReasonsForm onClose={() => setAsking(false)} />}
    </div>
  );
}

function ReasonsForm({ onClose }: { onClose: () => void }) {
  const form = useFeedbackForm({ rating: "down", reasons: ["hallucination", "format"], onSubmitted: onClose });
  return (
    <form {...form.getFormProps()} style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
      <span {...form.getTitleProps()} style={{ font: "14px system-ui" }}>
        Why?
      </span>
      <span {...form.getReasonGroupProps()} style={{ display: "flex", gap: "0.25rem" }}>
        {form.reasons.map((reason) => (
          <button key={reason.key} style={pill} {...form.getReasonProps(reason.key)}>
            {reason.label}
          </button>
        ))}
      </span>
      <button style={pill} {...form.getSubmitProps()}>
        Send
      </button>
    </form>
  );
}

function Message() {
  return (
    <FeedbackMessage messageId="msg-1" content="Bananas are berries; strawberries are not.">
      <p style={{ fontFamily: "system-ui", margin: "0 0 0.5rem" }}>Bananas are berries; strawberries are not.</p>
      <DesignSystemActions />
    </FeedbackMessage>
  );
}

const meta = {
  title: "Widgets/Headless hooks",
  component: Message,
  parameters: {
    docs: {
      description: {
        component:
          "`useThumbs`, `useFeedbackForm`, `useCopy` and `useRegenerate` return state and prop getters for a design system that brings its own buttons. The events are the same as the components'.",
      },
    },
  },
} satisfies Meta<typeof Message>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Own buttons, same events: a dislike with a reason, then a regenerate. */
export const OwnButtons: Story = {
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Dislike" }));
    await userEvent.click(canvas.getByRole("button", { name: "Wrong format" }));
    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    await userEvent.click(canvas.getByRole("button", { name: "Regenerate" }));
    await waitFor(() => expect(sink.events).toHaveLength(3));
    await expect(sink.events.map((event) => event.type)).toEqual(["rating", "rating", "regenerate"]);
    await expect(sink.events[1]).toMatchObject({ reasons: ["format"] });
    await expect(canvas.queryByRole("form")).toBeNull();
  },
};
