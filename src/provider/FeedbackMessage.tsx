import { createElement, type ReactNode, useContext, useMemo, useRef } from "react";
import { useSelectionCopy } from "../copy/useSelectionCopy";
import type { JsonObject, PromptMessage } from "../events/types";
import { useAbandonTracking } from "../implicit/useAbandonTracking";
import { Slot } from "../shared/Slot";
import { FeedbackMessageContext, type FeedbackMessageScope } from "./context";

/** Props of `FeedbackMessage`: the ids and text of one assistant message. */
export interface FeedbackMessageProps {
  /** The assistant message the widgets inside report about. */
  messageId: string;
  /** The trace that produced it (32-hex, or a UUID for LangSmith). */
  traceId?: string;
  /** The span or Langfuse observation that produced it (16-hex). */
  spanId?: string;
  /** The LangSmith run id. */
  runId?: string;
  /** The message text as shown; copy, regenerate and abandon events use it. */
  content?: string;
  /** The conversation that produced the message. */
  prompt?: PromptMessage[];
  /** Merged into the `metadata` of every event from inside. */
  metadata?: JsonObject;
  /** The element that wraps the message (default `div`; `li` inside a list, `article` for a feed). */
  as?: "div" | "li" | "article" | "section";
  /**
   * Use the app's own element (the only child) as the message's box, as the buttons' `asChild` does: it gets
   * the class, `data-message-id`, the copy listener and the ref the abandonment check measures.
   */
  asChild?: boolean;
  /** Class names for that element, beside `rfl-message`. */
  className?: string;
  children?: ReactNode;
}

/**
 * The scope that every widget inside reports about, so widgets need no repeated props. It also hears native
 * copies (Ctrl/Cmd+C) of a selection inside and emits them as `copy` events.
 *
 * @example
 * ```tsx
 * <FeedbackMessage messageId={message.id} traceId={message.traceId} content={message.text}>
 *   <p>{message.text}</p>
 *   <ThumbsFeedback />
 * </FeedbackMessage>
 *
 * // Or on the app's own element:
 * <FeedbackMessage asChild messageId={message.id} content={message.text}>
 *   <li className="bubble"><p>{message.text}</p><ThumbsFeedback /></li>
 * </FeedbackMessage>
 * ```
 */
export function FeedbackMessage({
  messageId,
  traceId,
  spanId,
  runId,
  content,
  prompt,
  metadata,
  as: Element = "div",
  asChild = false,
  className,
  children,
}: FeedbackMessageProps) {
  const scope = useMemo<FeedbackMessageScope>(() => {
    const fields: FeedbackMessageScope = { messageId };
    if (traceId !== undefined) fields.traceId = traceId;
    if (spanId !== undefined) fields.spanId = spanId;
    if (runId !== undefined) fields.runId = runId;
    if (content !== undefined) fields.content = content;
    if (prompt !== undefined) fields.prompt = prompt;
    if (metadata !== undefined) fields.metadata = metadata;
    return fields;
  }, [messageId, traceId, spanId, runId, content, prompt, metadata]);
  const onCopy = useSelectionCopy(scope);
  const element = useRef<HTMLElement>(null);
  useAbandonTracking(element, scope);
  // A real box: it hears native copies of the message and is what "shown on screen" is measured on.
  const box = {
    ref: element,
    className: className ? `rfl-message ${className}` : "rfl-message",
    "data-message-id": messageId,
    onCopy,
  };
  return (
    <FeedbackMessageContext.Provider value={scope}>
      {asChild ? <Slot {...box}>{children}</Slot> : createElement(Element, box, children)}
    </FeedbackMessageContext.Provider>
  );
}

/**
 * The enclosing `FeedbackMessage`'s ids and content, or `null` outside one: for custom widgets that show or
 * check what they report about. Emitting needs none of it (`useFeedback` fills the ids).
 *
 * @example
 * ```tsx
 * function TraceLink() {
 *   const scope = useFeedbackMessage();
 *   return scope?.traceId ? <a href={`/traces/${scope.traceId}`}>Trace</a> : null;
 * }
 * ```
 */
export function useFeedbackMessage(): FeedbackMessageScope | null {
  return useContext(FeedbackMessageContext);
}
