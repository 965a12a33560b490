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
import { useAssistantUiFeedbackAdapter } from "../../src";

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
      <article aria-label="Answer" style={{ display: "grid", gap: "0.25rem", marginBlock: "0.5rem" }}>
        <MessagePrimitive.Parts />
        <ActionBarPrimitive.Root style={{ display: "flex", gap: "0.25rem" }}>
          <ActionBarPrimitive.FeedbackPositive aria-label="Good answer">👍</ActionBarPrimitive.FeedbackPositive>
          <ActionBarPrimitive.FeedbackNegative aria-label="Bad answer">👎</ActionBarPrimitive.FeedbackNegative>
        </ActionBarPrimitive.Root>
      </article>
    </MessagePrimitive.Root>
  );
}

function UserMessage() {
  return (
    <MessagePrimitive.Root>
      <p style={{ fontWeight: 600 }}>
        <MessagePrimitive.Parts />
      </p>
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
      <ThreadPrimitive.Root style={{ maxWidth: 560, fontFamily: "var(--rfl-font)" }}>
        <ThreadPrimitive.Viewport>
          <ThreadPrimitive.Messages components={{ AssistantMessage, UserMessage }} />
        </ThreadPrimitive.Viewport>
        <ComposerPrimitive.Root style={{ display: "flex", gap: "0.5rem" }}>
          <ComposerPrimitive.Input aria-label="Message" style={{ flex: 1, font: "inherit" }} />
          <ComposerPrimitive.Send>Send</ComposerPrimitive.Send>
        </ComposerPrimitive.Root>
      </ThreadPrimitive.Root>
    </Runtime>
  );
}
