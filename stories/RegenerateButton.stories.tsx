import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { FeedbackMessage, type MemorySink, RegenerateButton } from "../src";
import { StateCell, StateGrid } from "./support/StateGrid";
import { ThemeFrames } from "./support/ThemeFrames";

const ANSWERS = ["Rome was founded in 753 BC.", "Legend dates Rome's founding to 753 BC.", "Traditionally, 753 BC."];

/** A message whose answer the app replaces on regenerate, as a chat does. */
function RegeneratingMessage({ onRegenerate }: { onRegenerate: (attempt: number) => void }) {
  const [index, setIndex] = useState(0);
  const answer = ANSWERS[index % ANSWERS.length] as string;
  return (
    <FeedbackMessage messageId="msg-1" content={answer}>
      <p style={{ fontFamily: "system-ui", margin: "0 0 0.5rem" }}>{answer}</p>
      <RegenerateButton
        onRegenerate={({ attempt }) => {
          onRegenerate(attempt);
          setIndex((n) => n + 1);
        }}
      />
    </FeedbackMessage>
  );
}

const meta = {
  title: "Widgets/RegenerateButton",
  component: RegeneratingMessage,
  args: { onRegenerate: fn() },
  parameters: {
    docs: {
      description: {
        component:
          "Calls the app's `onRegenerate` and emits `regenerate` with the attempt number for that message (1, 2, …; counted per provider, even when the button is mounted again) and `previousContent`, the answer being replaced.",
      },
    },
  },
} satisfies Meta<typeof RegeneratingMessage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two regenerates: attempts 1 and 2, each with the answer it replaced. */
export const CountsAttempts: Story = {
  play: async ({ canvasElement, loaded, args }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Regenerate" }));
    await userEvent.click(canvas.getByRole("button", { name: "Regenerate" }));
    await expect(args.onRegenerate).toHaveBeenLastCalledWith(2);
    await waitFor(() => expect(sink.events).toHaveLength(2));
    await expect(sink.events[0]).toMatchObject({ type: "regenerate", attempt: 1, previousContent: ANSWERS[0] });
    await expect(sink.events[1]).toMatchObject({ type: "regenerate", attempt: 2, previousContent: ANSWERS[1] });
  },
};

/** Every state side by side: idle, pending (the app's promise runs), disabled. */
export const AllStates: Story = {
  render: () => (
    <StateGrid>
      <StateCell title="Idle">
        <FeedbackMessage messageId="a">
          <RegenerateButton onRegenerate={() => {}} />
        </FeedbackMessage>
      </StateCell>
      <StateCell title="Pending">
        <FeedbackMessage messageId="b">
          <RegenerateButton
            labels={{ regenerate: "Regenerate (slow)" }}
            onRegenerate={() => new Promise<void>(() => {})}
          />
        </FeedbackMessage>
      </StateCell>
      <StateCell title="Disabled">
        <FeedbackMessage messageId="c">
          <RegenerateButton disabled labels={{ regenerate: "Regenerate (disabled)" }} onRegenerate={() => {}} />
        </FeedbackMessage>
      </StateCell>
    </StateGrid>
  ),
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Regenerate (slow)" }));
    await expect(canvas.getByRole("button", { name: "Regenerating…" })).toHaveAttribute("aria-busy", "true");
    await expect(canvas.getByRole("button", { name: "Regenerate (disabled)" })).toBeDisabled();
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({ messageId: "b", attempt: 1 });
  },
};

/** Light, dark and right to left (the arrows turn the other way), one of each regenerating. */
export const LightDarkAndRtl: Story = {
  render: () => (
    <ThemeFrames>
      {(frame) => (
        <FeedbackMessage messageId={`regenerate-${frame.id}`} content="An answer">
          <RegenerateButton onRegenerate={() => new Promise(() => {})} />
        </FeedbackMessage>
      )}
    </ThemeFrames>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const button of canvas.getAllByRole("button", { name: "Regenerate" })) await userEvent.click(button);
    await expect(canvas.getAllByRole("button", { name: "Regenerating…" })).toHaveLength(4);
  },
};
