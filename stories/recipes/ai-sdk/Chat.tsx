// app/chat/Chat.tsx
"use client";
import { useChat } from "@ai-sdk/react";
import type { ChatTransport, UIMessage } from "ai";
import { type FormEvent, useState } from "react";
import { CopyButton, FeedbackMessage, feedbackMessageProps, RegenerateButton, ThumbsFeedback } from "../../../src";

/** A chat message whose metadata carries the trace and span that produced it (see app/api/chat/route.ts). */
export type ChatMessage = UIMessage<{ traceId: string; spanId: string }>;

/**
 * A whole chat on `useChat`: the conversation, a composer that sends, and under each answer copy, regenerate
 * and thumbs that report on the answer's own trace. Render it inside your `FeedbackProvider`. `transport`
 * defaults to POST /api/chat; stories and tests pass one that answers without a server.
 */
export function Chat({ transport }: { transport?: ChatTransport<ChatMessage> }) {
  const { messages, sendMessage, regenerate, stop, status, error } = useChat<ChatMessage>(
    transport ? { transport } : {},
  );
  const [input, setInput] = useState("");
  const busy = status === "submitted" || status === "streaming";

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = input.trim();
    if (!text || busy) return;
    void sendMessage({ text });
    setInput("");
  };

  return (
    <div className="chat">
      <ol className="chat-messages" aria-label="Conversation">
        {messages.map((message) => {
          // The message id, its text, its trace ids and the conversation before it.
          const props = feedbackMessageProps(message, { messages });
          if (message.role !== "assistant") {
            return (
              <li key={message.id} className="chat-question">
                {props.content}
              </li>
            );
          }
          const streaming = busy && message.id === messages.at(-1)?.id;
          return (
            <li key={message.id}>
              <article className="chat-answer" aria-label="Answer" aria-busy={streaming}>
                <FeedbackMessage {...props}>
                  <p>{props.content}</p>
                  {!streaming && (
                    <div className="chat-actions">
                      <CopyButton />
                      <RegenerateButton onRegenerate={() => regenerate({ messageId: message.id })} />
                      <ThumbsFeedback followUpOn={["down"]} />
                    </div>
                  )}
                </FeedbackMessage>
              </article>
            </li>
          );
        })}
      </ol>
      {error && (
        <p role="alert" className="chat-error">
          The answer could not be generated.{" "}
          <button type="button" onClick={() => regenerate()}>
            Try again
          </button>
        </p>
      )}
      <form className="chat-composer" onSubmit={onSubmit}>
        <input
          aria-label="Message"
          placeholder="Ask anything"
          value={input}
          onChange={(event) => setInput(event.target.value)}
        />
        {busy && (
          <button type="button" onClick={() => void stop()}>
            Stop
          </button>
        )}
        <button type="submit" disabled={busy || !input.trim()}>
          Send
        </button>
      </form>
    </div>
  );
}
