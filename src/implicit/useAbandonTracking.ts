import { type RefObject, useContext, useEffect, useInsertionEffect, useRef } from "react";
import { FeedbackClientContext, type FeedbackMessageScope } from "../provider/context";
import { observePage, observeVisibility } from "./observeVisibility";

type Cause = "hidden" | "unmounted" | "replaced";

/**
 * Measures how long a message is shown (on screen and the page visible) and reports `abandon` when a shown
 * message got no interaction before the page was hidden, it unmounted, or another message took its place (its
 * `messageId` changed). The provider decides whether it may emit: never for a message with any other signal,
 * at most once per message, and not at all when abandonment is off.
 */
export function useAbandonTracking(elementRef: RefObject<HTMLElement | null>, scope: FeedbackMessageScope): void {
  const client = useContext(FeedbackClientContext);
  // The newest scope of the message being tracked; a new messageId starts a new tracking.
  const tracked = useRef(scope);
  useInsertionEffect(() => {
    if (tracked.current.messageId === scope.messageId) tracked.current = scope;
  });
  // Counts the tracking runs, so a cleanup can tell a new run (another messageId) from an unmount; one effect
  // per message, not two, in a chat of a thousand.
  const runs = useRef(0);

  const { messageId } = scope;
  useEffect(() => {
    const run = ++runs.current;
    const element = elementRef.current;
    if (!client || !element || typeof IntersectionObserver === "undefined" || !client.tracksAbandonment()) return;
    tracked.current = { ...tracked.current, messageId };

    let dwellMs = 0;
    let shownSince: number | undefined;
    let onScreen = false;
    let reported = false;

    // The clock runs while the message is on screen and the page visible; `tick` banks the time so far.
    const tick = () => {
      const showing = onScreen && document.visibilityState === "visible";
      const now = performance.now();
      if (shownSince !== undefined) dwellMs += now - shownSince;
      shownSince = showing ? now : undefined;
    };
    const report = (cause: Cause, leaving: FeedbackMessageScope) => {
      if (reported || dwellMs <= 0) return;
      reported = true;
      client.abandon({ dwellMs: Math.round(dwellMs), cause }, leaving);
    };

    const stopObserving = observeVisibility(element, (shown) => {
      onScreen = shown;
      tick();
    });
    const stopListening = observePage((event) => {
      tick();
      if (event === "pagehide" || document.visibilityState === "hidden") report("hidden", tracked.current);
    });

    return () => {
      stopObserving();
      stopListening();
      onScreen = false;
      tick();
      const leaving = tracked.current;
      // Unmounting and a new messageId both run this cleanup; once React has finished, a newer run tells which.
      queueMicrotask(() => report(runs.current !== run ? "replaced" : "unmounted", leaving));
    };
  }, [client, messageId, elementRef]);
}
