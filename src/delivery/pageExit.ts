/**
 * Calls `onExit` when the page may be about to go away: when it is hidden (tab switch, app switch, the first
 * step of closing) and on `pagehide`, saying whether the page is going into the back/forward cache (`cached`)
 * rather than being discarded. `onReturn` hears a page restored from that cache. No
 * `unload`/`beforeunload` listener is ever added: they fire unreliably and keep pages out of that cache.
 * Returns the function that removes the listeners.
 *
 * @example
 * ```ts
 * const stop = watchPageExit({ onExit: () => sendWithKeepalive(), onReturn: () => {} });
 * ```
 */
export function watchPageExit(handlers: {
  onExit: (reason: "hidden" | "pagehide", cached: boolean) => void;
  onReturn: () => void;
}): () => void {
  if (typeof document === "undefined" || typeof window === "undefined") return () => {};
  const onVisibilityChange = () => {
    if (document.visibilityState === "hidden") handlers.onExit("hidden", false);
  };
  const onPageHide = (event: PageTransitionEvent) => handlers.onExit("pagehide", event.persisted);
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) handlers.onReturn();
  };
  document.addEventListener("visibilitychange", onVisibilityChange);
  window.addEventListener("pagehide", onPageHide);
  window.addEventListener("pageshow", onPageShow);
  return () => {
    document.removeEventListener("visibilitychange", onVisibilityChange);
    window.removeEventListener("pagehide", onPageHide);
    window.removeEventListener("pageshow", onPageShow);
  };
}
