import { useCallback, useInsertionEffect, useRef } from "react";

/**
 * A ref that holds the value of the last committed render, for event handlers and effects that must read the
 * newest props without re-subscribing. Written after the commit, never during render: a render React throws
 * away (a transition, a suspended tree) leaves it as it was. A handler may write it ahead of the next commit,
 * so that two presses before a re-render see each other; the commit then writes the rendered value again.
 */
export function useLatest<T>(value: T): { current: T } {
  const ref = useRef(value);
  // The earliest point after a commit: before any layout effect or event handler can read it.
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * A function with a stable identity that always calls the newest `handler`: for callbacks handed to
 * memoized children or subscriptions, so a new inline handler from the app re-renders nothing. Call it from
 * events and effects, not during render.
 */
export function useEffectEvent<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
  const latest = useLatest(handler);
  return useCallback((...args: A) => latest.current(...args), [latest]);
}
