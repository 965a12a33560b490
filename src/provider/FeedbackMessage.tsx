import { type ReactNode, useContext, useMemo } from "react";
import { useSelectionCopy } from "../copy/useSelectionCopy";
import type { JsonObject, PromptMessage } from "../events/types";
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
  // `display: contents` keeps the app's layout as it was; the element is only there to hear native copies.
  return (
    <FeedbackMessageContext.Provider value={scope}>
      <div className="rfl-message" data-message-id={messageId} style={{ display: "contents" }} onCopy={onCopy}>
        {children}
      </div>
    </FeedbackMessageContext.Provider>
  );
}

/**
 * The enclosing `FeedbackMessage`'s ids and content, or `null` outside one: for custom widgets.
 *
 * @example
 * ```tsx
 * function MessageId() {
 *   const scope = useFeedbackMessage();
 *   return <small>{scope?.messageId}</small>;
 * }
 * ```
 */
export function useFeedbackMessage(): FeedbackMessageScope | null {
  return useContext(FeedbackMessageContext);
}
