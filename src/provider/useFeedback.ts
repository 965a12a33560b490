import { useContext, useState } from "react";
import type { Emit } from "../events/createEvent";
import { useLatest } from "../shared/useLatest";
import { FeedbackMessageContext, useFeedbackClient } from "./context";

/** What `useFeedback` returns; both functions keep their identity for the component's lifetime. */
export interface UseFeedbackResult {
  /**
   * Sends an event about the enclosing `FeedbackMessage` (a `messageId` in the argument wins). Fills the
   * envelope and returns the event as sent, of the input's type (`emit({ type: "rating", ... })` returns a
   * `RatingEvent`), or `null` when it was not sent (sampled out, redacted away, or invalid: `onError` hears
   * why). A payload that does not fit its type is a compile error.
   */
  emit: Emit;
  /** Resolves when everything emitted so far is accepted or given up on. Never rejects. */
  flush: () => Promise<void>;
}

/**
 * Emits feedback events from any component inside `FeedbackProvider`. Emitting never re-renders anything.
 *
 * @example
 * ```tsx
 * function ShareButton() {
 *   const { emit } = useFeedback();
 *   return <button type="button" onClick={() => emit({ type: "custom", name: "shared", value: 1 })}>Share</button>;
 * }
 * ```
 */
export function useFeedback(): UseFeedbackResult {
  const client = useFeedbackClient("useFeedback()");
  // Read at emit time, so the functions below never change identity when the message scope does.
  const scope = useLatest(useContext(FeedbackMessageContext));
  const [api] = useState<UseFeedbackResult>(() => ({
    emit: (input) => client.emit(input, scope.current ?? undefined),
    flush: () => client.flush(),
  }));
  return api;
}
