import { useCallback, useContext } from "react";
import type { Emit } from "../events/createEvent";
import { FeedbackMessageContext, type FeedbackMessageScope, useFeedbackClient } from "../provider/context";
import type { FeedbackClient } from "../provider/feedbackClient";
import { useLatest } from "./useLatest";

/** The message a widget reports on, and the provider's engine it reports to. */
export interface WidgetScope {
  client: FeedbackClient;
  messageId: string;
  /** The enclosing `FeedbackMessage` scope, or only the id when the widget was given another message's id. */
  scope: FeedbackMessageScope;
}

/** What a widget knows about the message it reports on, and how it emits about it. */
export interface WidgetEmitter extends WidgetScope {
  /** Emits about this message; stable identity, reads the newest scope. */
  emit: Emit;
}

/**
 * Finds the message a widget reports on: its `messageId` prop, else the enclosing `FeedbackMessage`. Throws a
 * sentence saying what to add when there is neither: a programming error, caught on first render. Reads
 * context only: a widget that keeps its newest props for its handlers anyway emits with
 * `client.emit(input, scope)` and needs nothing more per instance (see `useWidgetEmit` for a stable `emit`).
 */
export function useWidgetScope(caller: string, messageIdProp: string | undefined): WidgetScope {
  const client = useFeedbackClient(caller);
  const enclosing = useContext(FeedbackMessageContext);
  const messageId = messageIdProp ?? enclosing?.messageId;
  if (!messageId) {
    throw new Error(
      `${caller} does not know which message it rates. Put it inside <FeedbackMessage messageId={message.id}>, or pass it messageId="...".`,
    );
  }
  // Another message's id: the enclosing scope's trace and content would be wrong, so use the id alone.
  const scope = enclosing && enclosing.messageId === messageId ? enclosing : { messageId };
  return { client, messageId, scope };
}

/** `useWidgetScope` with an `emit` of stable identity that reads the newest scope. */
export function useWidgetEmit(caller: string, messageIdProp: string | undefined): WidgetEmitter {
  const widget = useWidgetScope(caller, messageIdProp);
  const { client } = widget;
  const latestScope = useLatest(widget.scope);
  const emit = useCallback<Emit>((input) => client.emit(input, latestScope.current), [client, latestScope]);
  return { ...widget, emit };
}
