import { useCallback, useRef, useState } from "react";

/** How one run of a pending action ended. */
export type ActionOutcome =
  /** The work returned, or its promise resolved. */
  | { status: "done" }
  /** The work threw, or its promise rejected. */
  | { status: "failed"; error: unknown }
  /** An earlier run was still pending, so this one did not run. */
  | { status: "busy" };

/** What `usePendingAction` returns. */
export interface PendingAction {
  /** True while the promise of a run is pending. */
  pending: boolean;
  /** Runs `work` unless a run is pending; resolves to how it ended. Never rejects. */
  run: (work: () => unknown) => Promise<ActionOutcome>;
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

/**
 * One action at a time behind a button: the form's submit, copy, regenerate. Work that returns a promise
 * makes the action pending until it settles (the widget shows busy and ignores presses); work that returns
 * anything else ends at once and never shows pending.
 */
export function usePendingAction(): PendingAction {
  const [pending, setPending] = useState(false);
  // Two presses before a re-render must still see each other.
  const running = useRef(false);
  const run = useCallback(async (work: () => unknown): Promise<ActionOutcome> => {
    if (running.current) return { status: "busy" };
    let result: unknown;
    try {
      result = work();
    } catch (error) {
      return { status: "failed", error };
    }
    if (!isPromiseLike(result)) return { status: "done" };
    running.current = true;
    setPending(true);
    try {
      await result;
      return { status: "done" };
    } catch (error) {
      return { status: "failed", error };
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);
  return { pending, run };
}
