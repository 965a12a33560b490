import { useContext, useRef, useState } from "react";
import type { EmitInput } from "../events/createEvent";
import type { FeedbackEvent } from "../events/types";
import { FeedbackMessageContext, useFeedbackClient } from "./context";

/** What `useFeedback` returns; both functions keep their identity for the component's lifetime. */
export interface FeedbackApi {
  /**
   * Sends an event about the enclosing `FeedbackMessage` (a `messageId` in the argument wins). Fills the
   * envelope and returns the event as sent, or `null` when it was not sent (sampled out, redacted away, or
   * invalid: `onError` hears why).
   */
  emit(input: EmitInput): FeedbackEvent | null;
  /** Resolves when everything emitted so far is accepted or given up on. Never rejects. */
  flush(): Promise<void>;
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
export function useFeedback(): FeedbackApi {
  const client = useFeedbackClient("useFeedback()");
  const scope = useContext(FeedbackMessageContext);
  // Read at emit time, so the functions below never change identity when the message scope does.
  const scopeRef = useRef(scope);
  scopeRef.current = scope;
  const [api] = useState<FeedbackApi>(() => ({
    emit: (input) => client.emit(input, scopeRef.current ?? undefined),
    flush: () => client.flush(),
  }));
  return api;
}
