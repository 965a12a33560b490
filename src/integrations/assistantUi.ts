import { useState } from "react";
import type { RatingValue } from "../events/types";
import type { UseFeedbackResult } from "../provider/useFeedback";
import { useFeedback } from "../provider/useFeedback";

/**
 * The part of an assistant-ui `ThreadMessage` the adapter reads. Structural, so the kit does not depend on
 * assistant-ui: its messages fit as they are.
 */
export interface AssistantUiMessageLike {
  id: string;
  content: readonly { type: string; text?: string }[];
  metadata?: { custom?: Record<string, unknown> };
}

/** What assistant-ui hands its `FeedbackAdapter` when a thumb is clicked or a comment submitted. */
export interface AssistantUiFeedback {
  message: AssistantUiMessageLike;
  type: "positive" | "negative";
  comment?: string;
}

/** assistant-ui's `FeedbackAdapter` shape: pass it as `adapters.feedback` to its runtime. */
export interface AssistantUiFeedbackAdapter {
  submit(feedback: AssistantUiFeedback): void;
}

/** Where the adapter finds a message's trace ids. */
export interface AssistantUiFeedbackOptions {
  /**
   * Reads the trace, span and run ids from a message. Default: `message.metadata.custom.traceId`, `.spanId`
   * and `.runId`, where a runtime that knows them (your backend, through message metadata) puts them.
   */
  ids?(message: AssistantUiMessageLike): { traceId?: string; spanId?: string; runId?: string };
}

const defaultIds = (message: AssistantUiMessageLike) => {
  const custom = message.metadata?.custom ?? {};
  const pick = (key: string) => (typeof custom[key] === "string" ? (custom[key] as string) : undefined);
  return { traceId: pick("traceId"), spanId: pick("spanId"), runId: pick("runId") };
};

/**
 * Turns the provider's `emit` into assistant-ui's `FeedbackAdapter`: its thumbs become `rating` events with the
 * message's id, text and trace ids, and a comment becomes the follow-up rating with the same `feedbackKey`.
 *
 * @example
 * ```tsx
 * function Runtime({ children }: { children: ReactNode }) {
 *   const feedback = useAssistantUiFeedbackAdapter();
 *   const runtime = useLocalRuntime(modelAdapter, { adapters: { feedback } });
 *   return <AssistantRuntimeProvider runtime={runtime}>{children}</AssistantRuntimeProvider>;
 * }
 * ```
 */
export function createAssistantUiFeedbackAdapter(
  feedback: Pick<UseFeedbackResult, "emit">,
  options: AssistantUiFeedbackOptions = {},
): AssistantUiFeedbackAdapter {
  // assistant-ui reports each vote on its own; the previous one per message makes the `previous` field.
  const votes = new Map<string, RatingValue>();
  return {
    submit({ message, type, comment }) {
      const value = type === "positive" ? "up" : "down";
      const previous = votes.get(message.id) ?? null;
      votes.set(message.id, value);
      const ids = (options.ids ?? defaultIds)(message);
      const content = message.content
        .filter((part) => part.type === "text" && typeof part.text === "string")
        .map((part) => part.text)
        .join("\n");
      feedback.emit({
        type: "rating",
        value,
        previous: comment === undefined ? previous : value,
        ...(comment ? { comment } : {}),
        messageId: message.id,
        ...(content ? { content } : {}),
        ...Object.fromEntries(Object.entries(ids).filter(([, id]) => id !== undefined)),
      });
    },
  };
}

/**
 * `createAssistantUiFeedbackAdapter` bound to the enclosing `FeedbackProvider`, stable for the component's life.
 *
 * @example
 * ```tsx
 * const feedback = useAssistantUiFeedbackAdapter();
 * const runtime = useLocalRuntime(modelAdapter, { adapters: { feedback } });
 * ```
 */
export function useAssistantUiFeedbackAdapter(options: AssistantUiFeedbackOptions = {}): AssistantUiFeedbackAdapter {
  const api = useFeedback();
  const [adapter] = useState(() => createAssistantUiFeedbackAdapter(api, options));
  return adapter;
}
