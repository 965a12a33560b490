// The assistant-ui recipe as one component: the Storybook story and the unit test render the same thread.
import {
  ActionBarPrimitive,
  AssistantRuntimeProvider,
  type ChatModelAdapter,
  ComposerPrimitive,
  MessagePrimitive,
  ThreadPrimitive,
  useLocalRuntime,
} from "@assistant-ui/react";
import type { ReactNode } from "react";
import { ThumbDownIcon, ThumbUpIcon, useAssistantUiFeedbackAdapter } from "../../src";

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
      <article aria-label="Answer" className="story-card">
        <MessagePrimitive.Parts />
        <ActionBarPrimitive.Root style={{ display: "flex", gap: "0.25rem" }}>
          <ActionBarPrimitive.FeedbackPositive aria-label="Good answer" className="story-button">
            <ThumbUpIcon />
          </ActionBarPrimitive.FeedbackPositive>
          <ActionBarPrimitive.FeedbackNegative aria-label="Bad answer" className="story-button">
            <ThumbDownIcon />
          </ActionBarPrimitive.FeedbackNegative>
        </ActionBarPrimitive.Root>
      </article>
    </MessagePrimitive.Root>
  );
}

function UserMessage() {
  return (
    <MessagePrimitive.Root>
      {/* A div, not a p: the parts render their own paragraphs, and a p inside a p is invalid HTML. */}
      <div className="story-bubble">
        <MessagePrimitive.Parts />
      </div>
    </MessagePrimitive.Root>
  );
}

/** The recipe: our provider's emit becomes assistant-ui's `FeedbackAdapter`. */
function Runtime({ children }: { children: ReactNode }) {
  const feedback = useAssistantUiFeedbackAdapter();
  const runtime = useLocalRuntime(model, { adapters: { feedback } });
  return <AssistantRuntimeProvider runtime={runtime}>{children}</AssistantRuntimeProvider>;
}

/** A thread on a local runtime whose thumbs report through the enclosing `FeedbackProvider`. */
export function AssistantUiThread() {
  return (
    <Runtime>
      <ThreadPrimitive.Root className="story-stack story-chat">
        <ThreadPrimitive.Viewport className="story-chat-messages">
          <ThreadPrimitive.Messages components={{ AssistantMessage, UserMessage }} />
        </ThreadPrimitive.Viewport>
        <ComposerPrimitive.Root className="story-chat-composer">
          <ComposerPrimitive.Input aria-label="Message" className="story-input" />
          <ComposerPrimitive.Send className="story-button story-button--primary">Send</ComposerPrimitive.Send>
        </ComposerPrimitive.Root>
      </ThreadPrimitive.Root>
    </Runtime>
  );
}
