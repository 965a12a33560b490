/** Whether a message counts as on screen: at least half of it, or, for one taller than the viewport, half the viewport. */
function isShown(entry: IntersectionObserverEntry): boolean {
  if (!entry.isIntersecting) return false;
  if (entry.intersectionRatio >= 0.5) return true;
  return entry.rootBounds !== null && entry.intersectionRect.height >= entry.rootBounds.height / 2;
}

// Fine steps, so a message taller than the viewport is re-checked as it scrolls, not only at 0 and 50 %.
const THRESHOLDS = /* @__PURE__ */ Array.from({ length: 21 }, (_, i) => i / 20);

let observer: IntersectionObserver | undefined;
const listeners = new Map<Element, (shown: boolean) => void>();

/**
 * Calls `listener` whenever `element` starts or stops being shown. One observer serves every message on the
 * page, so a long conversation costs one observer, not one per message. Returns the function that stops it.
 */
export function observeVisibility(element: Element, listener: (shown: boolean) => void): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) listeners.get(entry.target)?.(isShown(entry));
    },
    { threshold: THRESHOLDS },
  );
  listeners.set(element, listener);
  observer.observe(element);
  return () => {
    listeners.delete(element);
    observer?.unobserve(element);
  };
}

/** What a message hears of the page: it became visible or hidden, or it is being left (`pagehide`). */
export type PageEvent = "visibilitychange" | "pagehide";

const pageListeners = new Set<(event: PageEvent) => void>();

/**
 * Calls `listener` when the page's visibility changes or the page is left. One pair of listeners serves every
 * message, as one observer does: a chat of a thousand messages adds two listeners to the page, not two thousand.
 */
export function observePage(listener: (event: PageEvent) => void): () => void {
  if (pageListeners.size === 0) {
    document.addEventListener("visibilitychange", notifyVisibility);
    window.addEventListener("pagehide", notifyPageHide);
  }
  pageListeners.add(listener);
  return () => {
    pageListeners.delete(listener);
    if (pageListeners.size > 0) return;
    document.removeEventListener("visibilitychange", notifyVisibility);
    window.removeEventListener("pagehide", notifyPageHide);
  };
}

function notifyVisibility() {
  for (const listener of [...pageListeners]) listener("visibilitychange");
}

function notifyPageHide() {
  for (const listener of [...pageListeners]) listener("pagehide");
}
