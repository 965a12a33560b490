import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { MemorySink } from "../../src";
import { AssistantUiThread } from "../support/AssistantUiThread";

const meta = {
  title: "Recipes/assistant-ui",
  component: AssistantUiThread,
  parameters: {
    docs: {
      description: {
        component:
          "The README's recipe, whole: `app/assistant/Assistant.tsx` (stories/recipes/assistant-ui/Assistant.tsx), here on a model adapter that answers at once instead of posting to /api/assistant. `useAssistantUiFeedbackAdapter()` turns the enclosing `FeedbackProvider` into assistant-ui's `FeedbackAdapter`: passed as `adapters.feedback` to the runtime, it makes assistant-ui's own `ActionBarPrimitive.FeedbackPositive` / `FeedbackNegative` emit `rating` events with the message's id, text and the trace ids from `metadata.custom`.",
      },
    },
  },
} satisfies Meta<typeof AssistantUiThread>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ask, then click assistant-ui's thumbs: each click is a `rating` with the message's ids. */
export const ThumbsThroughTheAdapter: Story = {
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Message" }), "What is the capital of France?");
    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    const answer = await canvas.findByRole("article", { name: "Answer" });
    await within(answer).findByText("Paris is the capital of France.");
    await userEvent.click(within(answer).getByRole("button", { name: "Bad answer" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({
      type: "rating",
      value: "down",
      previous: null,
      content: "Paris is the capital of France.",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
    });
    await userEvent.click(within(answer).getByRole("button", { name: "Good answer" }));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    await expect(sink.events[1]).toMatchObject({ value: "up", previous: "down", messageId: sink.events[0]?.messageId });
  },
};
