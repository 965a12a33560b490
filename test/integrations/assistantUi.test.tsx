import {
  ActionBarPrimitive,
  AssistantRuntimeProvider,
  type ChatModelAdapter,
  MessagePrimitive,
  ThreadPrimitive,
  useAui,
  useLocalRuntime,
} from "@assistant-ui/react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { FeedbackProvider, memorySink, useAssistantUiFeedbackAdapter } from "../../src";

// A model that answers at once, with the trace ids a backend would attach as message metadata.
const model: ChatModelAdapter = {
  async run() {
    return {
      content: [{ type: "text", text: "Paris is the capital of France." }],
      metadata: { custom: { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7" } },
    };
  },
};

function AssistantMessage() {
  return (
    <MessagePrimitive.Root>
      <MessagePrimitive.Parts />
      <ActionBarPrimitive.Root>
        <ActionBarPrimitive.FeedbackPositive aria-label="Good answer">👍</ActionBarPrimitive.FeedbackPositive>
        <ActionBarPrimitive.FeedbackNegative aria-label="Bad answer">👎</ActionBarPrimitive.FeedbackNegative>
      </ActionBarPrimitive.Root>
    </MessagePrimitive.Root>
  );
}

function UserMessage() {
  return (
    <MessagePrimitive.Root>
      <MessagePrimitive.Parts />
    </MessagePrimitive.Root>
  );
}

function Ask() {
  const aui = useAui();
  return (
    <button type="button" onClick={() => aui.thread().append("What is the capital of France?")}>
      Ask
    </button>
  );
}

function Runtime({ children }: { children: ReactNode }) {
  const feedback = useAssistantUiFeedbackAdapter();
  const runtime = useLocalRuntime(model, { adapters: { feedback } });
  return <AssistantRuntimeProvider runtime={runtime}>{children}</AssistantRuntimeProvider>;
}

describe("assistant-ui feedback adapter", () => {
  it("turns assistant-ui's thumbs into rating events with the message's ids and text", async () => {
    const sink = memorySink();
    const user = userEvent.setup();
    render(
      <FeedbackProvider sink={sink}>
        <Runtime>
          <ThreadPrimitive.Root>
            <ThreadPrimitive.Messages components={{ AssistantMessage, UserMessage }} />
          </ThreadPrimitive.Root>
          <Ask />
        </Runtime>
      </FeedbackProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Ask" }));
    await screen.findByText("Paris is the capital of France.");
    await user.click(screen.getByRole("button", { name: "Bad answer" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    expect(sink.events[0]).toMatchObject({
      type: "rating",
      value: "down",
      previous: null,
      content: "Paris is the capital of France.",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
    });
    expect(sink.events[0]?.feedbackKey).toBe(`${sink.events[0]?.messageId}:rating`);
    await user.click(screen.getByRole("button", { name: "Good answer" }));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    expect(sink.events[1]).toMatchObject({ value: "up", previous: "down", messageId: sink.events[0]?.messageId });
  });
});
