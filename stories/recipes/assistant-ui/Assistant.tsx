// app/assistant/Assistant.tsx
"use client";
import {
  ActionBarPrimitive,
  AssistantRuntimeProvider,
  type ChatModelAdapter,
  ComposerPrimitive,
  ErrorPrimitive,
  MessagePrimitive,
  ThreadPrimitive,
  useAuiState,
  useLocalRuntime,
} from "@assistant-ui/react";
import { ThumbDownIcon, ThumbUpIcon, useAssistantUiFeedbackAdapter } from "../../../src";

/**
 * The model behind the thread: posts the conversation to app/api/assistant/route.ts and returns its answer with
 * the trace and span that produced it in `metadata.custom`, where the feedback adapter reads them.
 */
export const chatModel: ChatModelAdapter = {
  async run({ messages, abortSignal }) {
    const response = await fetch("/api/assistant", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        messages: messages.map((message) => ({
          role: message.role,
          content: message.content.map((part) => (part.type === "text" ? part.text : "")).join(""),
        })),
      }),
      signal: abortSignal,
    });
    if (!response.ok) throw new Error(`POST /api/assistant answered ${response.status}`);
    const { text, traceId, spanId }: { text: string; traceId: string; spanId: string } = await response.json();
    return { content: [{ type: "text", text }], metadata: { custom: { traceId, spanId } } };
  },
};

function UserMessage() {
  return (
    <MessagePrimitive.Root className="chat-question">
      <MessagePrimitive.Parts />
    </MessagePrimitive.Root>
  );
}

function AssistantMessage() {
  // The vote this answer has, so each thumb says whether it is pressed.
  const vote = useAuiState((state) => state.message.metadata.submittedFeedback?.type);
  return (
    <MessagePrimitive.Root>
      <article className="chat-answer" aria-label="Answer">
        <MessagePrimitive.Parts />
        <MessagePrimitive.Error>
          <ErrorPrimitive.Root className="chat-error">The answer could not be generated.</ErrorPrimitive.Root>
        </MessagePrimitive.Error>
        {/* assistant-ui's own thumbs: the feedback adapter turns each click into a `rating` event. */}
        <ActionBarPrimitive.Root className="chat-actions" hideWhenRunning>
          <ActionBarPrimitive.FeedbackPositive
            aria-label="Good answer"
            aria-pressed={vote === "positive"}
            className="rfl-icon-button"
          >
            <ThumbUpIcon />
          </ActionBarPrimitive.FeedbackPositive>
          <ActionBarPrimitive.FeedbackNegative
            aria-label="Bad answer"
            aria-pressed={vote === "negative"}
            className="rfl-icon-button"
          >
            <ThumbDownIcon />
          </ActionBarPrimitive.FeedbackNegative>
        </ActionBarPrimitive.Root>
      </article>
    </MessagePrimitive.Root>
  );
}

/**
 * A whole assistant-ui chat: the thread, a composer that sends, and thumbs under each answer that report through
 * the enclosing `FeedbackProvider` on the answer's own trace. `model` defaults to POST /api/assistant; stories
 * and tests pass one that answers without a server.
 */
export function Assistant({ model = chatModel }: { model?: ChatModelAdapter }) {
  const feedback = useAssistantUiFeedbackAdapter();
  const runtime = useLocalRuntime(model, { adapters: { feedback } });
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <ThreadPrimitive.Root className="chat">
        <ThreadPrimitive.Viewport className="chat-messages">
          <ThreadPrimitive.Messages components={{ UserMessage, AssistantMessage }} />
        </ThreadPrimitive.Viewport>
        <ComposerPrimitive.Root className="chat-composer">
          <ComposerPrimitive.Input aria-label="Message" placeholder="Ask anything" />
          <ComposerPrimitive.Send>Send</ComposerPrimitive.Send>
        </ComposerPrimitive.Root>
      </ThreadPrimitive.Root>
    </AssistantRuntimeProvider>
  );
}
