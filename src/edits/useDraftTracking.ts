import { useEffect, useInsertionEffect, useRef, useState } from "react";
import type { EditEvent } from "../events/types";
import { useFeedback } from "../provider/useFeedback";
import { lazyEditEvent } from "./lazyEditEvent";

/** Options of `useDraftTracking`. */
export interface UseDraftTrackingOptions {
  /** The assistant message the draft came from; defaults to the enclosing `FeedbackMessage`'s. */
  messageId?: string;
  /**
   * The AI's draft as put into the input, or `undefined` while there is none. A new draft restarts the clock
   * and re-arms `track`.
   */
  draft: string | undefined;
}

/** What `useDraftTracking` returns; both functions keep their identity. */
export interface UseDraftTrackingResult {
  /**
   * Call on send with the text the user sends: emits the `edit` event (draft, final, diff, stats,
   * `durationMs` since the draft arrived or since `restart`, `accepted`) and returns it, or `null` when
   * nothing was sent (no draft pending, already tracked, sampled out, or refused: `onError` hears why). The
   * diff engine loads when the first draft arrives; a send before it is there emits the event once it is,
   * and returns `null`.
   * Once per draft: a second call for the same draft sends nothing.
   */
  track(finalText: string): EditEvent | null;
  /** Restarts the clock, e.g. when the user first focuses the input rather than when the draft arrived. */
  restart(): void;
}

interface PendingDraft {
  messageId: string | undefined;
  draft: string | undefined;
  startedAt: number;
  tracked: boolean;
}

/**
 * Tracks the compose-box pattern: the AI's draft goes into the app's own input (any component: a textarea,
 * a rich editor, a design system's field), the user edits it and sends. Calling `track(finalText)` on send
 * emits the same `edit` event as `EditableMessage`. Nothing runs while the user types.
 *
 * @example
 * ```tsx
 * function Composer({ suggestion }: { suggestion: { messageId: string; text: string } | undefined }) {
 *   const [text, setText] = useState(suggestion?.text ?? "");
 *   const { track } = useDraftTracking({ messageId: suggestion?.messageId, draft: suggestion?.text });
 *   return (
 *     <form onSubmit={(event) => { event.preventDefault(); track(text); send(text); }}>
 *       <textarea aria-label="Reply" value={text} onChange={(event) => setText(event.target.value)} />
 *       <button type="submit">Send</button>
 *     </form>
 *   );
 * }
 * ```
 */
export function useDraftTracking({ messageId, draft }: UseDraftTrackingOptions): UseDraftTrackingResult {
  const { emit } = useFeedback();
  // The draft being tracked; a new draft (or message) replaces it once rendered, and restarts the clock.
  const pending = useRef<PendingDraft>({ messageId, draft, startedAt: performance.now(), tracked: false });
  useInsertionEffect(() => {
    if (pending.current.draft !== draft || pending.current.messageId !== messageId) {
      pending.current = { messageId, draft, startedAt: performance.now(), tracked: false };
    }
  }, [messageId, draft]);
  // The diff engine arrives with the first draft, long before the user sends.
  useEffect(() => {
    if (draft !== undefined) void lazyEditEvent.load();
  }, [draft]);
  const [api] = useState<UseDraftTrackingResult>(() => ({
    track(finalText) {
      const current = pending.current;
      if (current.draft === undefined || current.tracked) return null;
      current.tracked = true;
      const durationMs = performance.now() - current.startedAt;
      const send = ({ editEventInput }: typeof import("./editEventInput")) =>
        emit(editEventInput(current.draft ?? "", finalText, durationMs, current.messageId));
      const loaded = lazyEditEvent.get();
      if (loaded) return send(loaded);
      // Sent on a draft that has only just arrived: the event follows the diff engine, a moment later.
      void lazyEditEvent.load().then(send);
      return null;
    },
    restart() {
      pending.current.startedAt = performance.now();
    },
  }));
  return api;
}
