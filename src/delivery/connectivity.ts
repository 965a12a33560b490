/** False only when the browser knows it is offline (`navigator.onLine`); true where it cannot tell. */
export function isOnline(): boolean {
  return (globalThis.navigator as { onLine?: boolean } | undefined)?.onLine !== false;
}

/**
 * Calls `listener` when the browser comes back online. Returns the function that stops listening.
 *
 * @example
 * ```ts
 * const stop = watchOnline(() => queue.flush());
 * ```
 */
export function watchOnline(listener: () => void): () => void {
  if (typeof window === "undefined") return () => {};
  window.addEventListener("online", listener);
  return () => window.removeEventListener("online", listener);
}
