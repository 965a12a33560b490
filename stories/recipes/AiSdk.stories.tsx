import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ChatTransport } from "ai";
import { expect, userEvent, waitFor, within } from "storybook/test";
import type { MemorySink } from "../../src";
import { mockChatTransport } from "../support/mockChatTransport";
import { Chat, type ChatMessage } from "./ai-sdk/Chat";

const meta = {
  title: "Recipes/Vercel AI SDK",
  component: Chat,
  argTypes: { transport: { control: false } },
  // A fresh stand-in server per visit: its answers count from 1 again.
  loaders: [() => ({ transport: mockChatTransport({ delayMs: 40 }) })],
  render: (args, { loaded }) => <Chat {...args} transport={loaded.transport as ChatTransport<ChatMessage>} />,
  parameters: {
    docs: {
      description: {
        component:
          "The README's recipe, whole: `app/chat/Chat.tsx` (stories/recipes/ai-sdk/Chat.tsx) on `useChat` from `@ai-sdk/react`, here with a mock `ChatTransport` that streams UI message chunks as a server would: `start` with the message id and `messageMetadata: { traceId, spanId }`, text deltas, `finish`. `feedbackMessageProps(message, { messages })` turns each assistant message into `FeedbackMessage` props, and Regenerate calls `regenerate({ messageId })`.",
      },
    },
  },
} satisfies Meta<typeof Chat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ask, then rate the answer: the event carries the message's own id and trace ids. */
export const UseChat: Story = {
  loaders: [() => ({ transport: mockChatTransport() })],
  play: async ({ canvasElement, loaded }) => {
    const sink = loaded.feedbackSink as MemorySink;
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Message" }), "Map or object?");
    await userEvent.click(canvas.getByRole("button", { name: "Send" }));
    const answer = await canvas.findByRole("article", { name: "Answer" });
    await waitFor(() => expect(answer).toHaveAttribute("aria-busy", "false"));
    await userEvent.click(within(answer).getByRole("button", { name: "Good response" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    await expect(sink.events[0]).toMatchObject({
      type: "rating",
      value: "up",
      messageId: "answer-1",
      traceId: "0001f92f3577b34da6a3ce929d0e0e47",
      spanId: "000167aa0ba902b7",
      prompt: [{ role: "user", content: "Map or object?" }],
    });

    await userEvent.click(within(answer).getByRole("button", { name: "Regenerate" }));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    await expect(sink.events[1]).toMatchObject({ type: "regenerate", messageId: "answer-1", attempt: 1 });
    await waitFor(() => expect(canvas.getByRole("article", { name: "Answer" })).toHaveTextContent("insertion order"));
  },
};
