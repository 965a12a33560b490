import { useChat } from "@ai-sdk/react";
import type { ChatTransport } from "ai";
import { type FormEvent, useState } from "react";
import { CopyButton, FeedbackMessage, feedbackMessageProps, RegenerateButton, ThumbsFeedback } from "../../src";
import type { TracedMessage } from "./mockChatTransport";

/**
 * The Vercel AI SDK recipe: `useChat` messages into `FeedbackMessage`. The message id and the trace ids come
 * from the message itself (its metadata), so every event lands on the trace that produced the answer.
 */
export function AiSdkChat({ transport }: { transport: ChatTransport<TracedMessage> }) {
  const { messages, sendMessage, regenerate, status } = useChat<TracedMessage>({ transport });
  const [input, setInput] = useState("");
  const busy = status === "submitted" || status === "streaming";
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!input.trim() || busy) return;
    void sendMessage({ text: input });
    setInput("");
  };
  return (
    <div style={{ display: "grid", gap: "0.75rem", maxWidth: 560, fontFamily: "var(--rfl-font)" }}>
      <ol
        aria-label="Conversation"
        style={{ display: "grid", gap: "0.5rem", margin: 0, padding: 0, listStyle: "none" }}
      >
        {messages.map((message) => {
          if (message.role !== "assistant") {
            return (
              <li key={message.id}>
                <strong>You:</strong> {feedbackMessageProps(message).content}
              </li>
            );
          }
          const props = feedbackMessageProps(message, { messages });
          const done = !(busy && message.id === messages.at(-1)?.id);
          return (
            <li key={message.id}>
              <article aria-label="Answer" aria-busy={!done}>
                <FeedbackMessage {...props}>
                  <p style={{ margin: "0 0 0.25rem" }}>{props.content}</p>
                  {done && (
                    <div style={{ display: "flex", alignItems: "flex-start", gap: "0.125rem" }}>
                      <CopyButton />
                      <RegenerateButton onRegenerate={() => regenerate({ messageId: message.id })} />
                      <ThumbsFeedback />
                    </div>
                  )}
                </FeedbackMessage>
              </article>
            </li>
          );
        })}
      </ol>
      <form onSubmit={onSubmit} style={{ display: "flex", gap: "0.5rem" }}>
        <input
          aria-label="Message"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          style={{ flex: 1, font: "inherit", padding: "0.375rem 0.5rem" }}
        />
        <button type="submit" disabled={busy}>
          Send
        </button>
      </form>
    </div>
  );
}
