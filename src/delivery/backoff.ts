/**
 * How long to wait before the next try after `failures` failed tries in a row: exponential from `baseMs`,
 * capped at `maxMs`, with "equal jitter" (a random point in the upper half) so many clients that failed
 * together do not come back together. A server's `Retry-After` is a floor: it is always waited out in full.
 *
 * @example
 * ```ts
 * retryDelayMs(3, { baseMs: 1000, maxMs: 60_000 }); // between 2000 and 4000
 * retryDelayMs(1, { baseMs: 1000, maxMs: 60_000 }, 30_000); // 30000: the server asked for it
 * ```
 */
export function retryDelayMs(
  failures: number,
  policy: { baseMs: number; maxMs: number },
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** A queue's retry state: failures in a row, and the time before which nothing is sent. */
export interface RetryClock {
  /** No send before this time (epoch ms). */
  readonly pausedUntil: number;
  /** Whether the last send failed (so the next failure is not the first of a streak). */
  readonly failing: boolean;
  /** Counts a failed send and pushes `pausedUntil` out by the backoff; returns the new `pausedUntil`. */
  failed(retryAfterMs?: number): number;
  /** Ends a streak of failures: the next one waits `baseMs` again. */
  succeeded(): void;
}

/**
 * Keeps the backoff of one queue: every failure in a row waits longer (see `retryDelayMs`), a success resets it.
 *
 * @example
 * ```ts
 * const clock = retryClock({ baseMs: 1000, maxMs: 60_000 });
 * clock.failed(); // about 1 s from now
 * ```
 */
export function retryClock(policy: { baseMs: number; maxMs: number }, random?: () => number): RetryClock {
  let failures = 0;
  let pausedUntil = 0;
  return {
    get pausedUntil() {
      return pausedUntil;
    },
    get failing() {
      return failures > 0;
    },
    failed(retryAfterMs) {
      failures++;
      pausedUntil = Math.max(pausedUntil, Date.now() + retryDelayMs(failures, policy, retryAfterMs, random));
      return pausedUntil;
    },
    succeeded() {
      failures = 0;
    },
  };
}
