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
