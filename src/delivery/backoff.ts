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
