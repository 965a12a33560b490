import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ChatTransport, UIMessageChunk } from "ai";
import { FeedbackProvider, feedbackMessageProps, memorySink } from "../../src";
import { Chat as AiSdkChat } from "../../stories/recipes/ai-sdk/Chat";
import { mockChatTransport, type TracedMessage, type TraceMetadata } from "../../stories/support/mockChatTransport";

// The mock transport, with a record of what each request asked for and which message each answer started.
function recordingTransport() {
  const inner = mockChatTransport();
  const requests: { trigger: string; messageId: string | undefined }[] = [];
  const started: { messageId?: string; messageMetadata?: TraceMetadata }[] = [];
  const transport: ChatTransport<TracedMessage> = {
    async sendMessages(options) {
      requests.push({ trigger: options.trigger, messageId: options.messageId });
      const stream = await inner.sendMessages(options);
      return stream.pipeThrough(
        new TransformStream<UIMessageChunk, UIMessageChunk>({
          transform(chunk, controller) {
            if (chunk.type === "start") started.push(chunk as (typeof started)[number]);
            controller.enqueue(chunk);
          },
        }),
      );
    },
    reconnectToStream: inner.reconnectToStream,
  };
  return { transport, requests, started };
}

describe("feedbackMessageProps", () => {
  const question = { id: "q-1", role: "user", parts: [{ type: "text", text: "Map or object?" }] };
  const answer = {
    id: "a-1",
    role: "assistant",
    parts: [{ type: "step-start" }, { type: "text", text: "Use a Map." }, { type: "text", text: "It keeps order." }],
    metadata: { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", runId: 7 },
  };

  it("takes the id, the text parts and the string trace ids of the message", () => {
    expect(feedbackMessageProps(answer)).toEqual({
      messageId: "a-1",
      content: "Use a Map.\n\nIt keeps order.",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
    });
  });

  it("turns the messages before it into the prompt", () => {
    const later = { id: "q-2", role: "user", parts: [{ type: "text", text: "Thanks" }] };
    expect(feedbackMessageProps(answer, { messages: [question, answer, later] }).prompt).toEqual([
      { role: "user", content: "Map or object?" },
    ]);
  });

  it("leaves the ids out when the message has no metadata", () => {
    expect(feedbackMessageProps({ id: "a-2", role: "assistant", parts: [] })).toEqual({
      messageId: "a-2",
      content: "",
    });
  });
});

describe("Vercel AI SDK recipe", () => {
  it("carries the message id and trace ids of useChat's messages into the events", async () => {
    const sink = memorySink();
    const user = userEvent.setup();
    const { transport, requests, started } = recordingTransport();
    render(
      <FeedbackProvider sink={sink}>
        <AiSdkChat transport={transport} />
      </FeedbackProvider>,
    );
    await user.type(screen.getByRole("textbox", { name: "Message" }), "Map or object?");
    await user.click(screen.getByRole("button", { name: "Send" }));
    const answer = await screen.findByRole("article", { name: "Answer" });
    await waitFor(() => expect(answer).toHaveAttribute("aria-busy", "false"));

    await user.click(within(answer).getByRole("button", { name: "Good response" }));
    await waitFor(() => expect(sink.events).toHaveLength(1));
    const first = started[0];
    expect(first?.messageId).toEqual(expect.any(String));
    expect(sink.events[0]).toMatchObject({
      type: "rating",
      value: "up",
      messageId: first?.messageId,
      traceId: first?.messageMetadata?.traceId,
      spanId: first?.messageMetadata?.spanId,
      content: expect.stringContaining("Use a Map"),
      prompt: [{ role: "user", content: "Map or object?" }],
    });

    // Regenerate asks useChat for another answer to the same question, naming the message it replaces.
    await user.click(within(answer).getByRole("button", { name: "Regenerate" }));
    await waitFor(() => expect(sink.events).toHaveLength(2));
    expect(sink.events[1]).toMatchObject({ type: "regenerate", attempt: 1, messageId: first?.messageId });
    await waitFor(() =>
      expect(requests.at(-1)).toEqual({ trigger: "regenerate-message", messageId: first?.messageId }),
    );
    await waitFor(() => expect(screen.getByRole("article", { name: "Answer" })).toHaveTextContent("insertion order"));
    const replacement = screen.getByRole("article", { name: "Answer" });
    await waitFor(() => expect(replacement).toHaveAttribute("aria-busy", "false"));

    await user.click(within(replacement).getByRole("button", { name: "Bad response" }));
    await waitFor(() => expect(sink.events).toHaveLength(3));
    expect(sink.events[2]).toMatchObject({
      type: "rating",
      value: "down",
      messageId: started[1]?.messageId,
      traceId: started[1]?.messageMetadata?.traceId,
    });
    expect(started[1]?.messageId).not.toBe(first?.messageId);
  });
});
