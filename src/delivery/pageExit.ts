/**
 * Calls `onExit` when the page may be about to go away: when it is hidden (tab switch, app switch, the first
 * step of closing) and on `pagehide`. `onReturn` hears a page restored from the back/forward cache. No
 * `unload`/`beforeunload` listener is ever added: they fire unreliably and keep pages out of that cache.
 * Returns the function that removes the listeners.
 *
 * @example
 * ```ts
 * const stop = watchPageExit({ onExit: () => sendWithKeepalive(), onReturn: () => {} });
 * ```
 */
export function watchPageExit(handlers: {
  onExit: (reason: "hidden" | "pagehide") => void;
  onReturn: () => void;
}): () => void {
  if (typeof document === "undefined" || typeof window === "undefined") return () => {};
  const onVisibilityChange = () => {
    if (document.visibilityState === "hidden") handlers.onExit("hidden");
  };
  const onPageHide = () => handlers.onExit("pagehide");
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
