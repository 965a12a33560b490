/**
 * The diff's time budget. Past it, the diff stops refining: whatever part is still unsolved goes out as one
 * removal and one addition. The result stays a valid diff (it rebuilds both texts exactly), only coarser, so
 * a pathological input costs a bounded time and never an exception.
 */
export interface Deadline {
  /** True once the budget is spent. Cheap enough to call in inner loops every few hundred steps. */
  expired(): boolean;
}

/** The default budget of `diffWords`, in milliseconds. */
export const DEFAULT_DEADLINE_MS = 50;

const now = (): number =>
  typeof performance !== "undefined" && typeof performance.now === "function" ? performance.now() : Date.now();

/** Starts a budget of `ms` milliseconds from now; 0 or less is spent at once, `Infinity` never. */
export function startDeadline(ms: number): Deadline {
  if (!(ms > 0)) return { expired: () => true };
  if (ms === Number.POSITIVE_INFINITY) return { expired: () => false };
  const end = now() + ms;
  let spent = false;
  return {
    expired() {
      if (!spent && now() >= end) spent = true;
      return spent;
    },
  };
}
