import { uuidv7 } from "../events/uuid";

const LOCK_PREFIX = "react-feedback-loop:tab:";

/** This tab as the other tabs of the origin see it. */
export interface TabPresence {
  /** Written as `owner` on the events this tab holds. */
  readonly id: string;
  /** Resolves once other tabs can see this tab as alive (at once where Web Locks are missing). */
  readonly ready: Promise<void>;
  /**
   * The ids of the tabs alive now, or undefined where Web Locks are missing: then an event held by another
   * tab is free only once its lease has run out.
   */
  liveTabs(): Promise<Set<string> | undefined>;
  /**
   * Calls `onGone` when one of the tabs `ids` is gone (closed, crashed, reloaded), once per tab however often
   * it is asked about, or never where Web Locks are missing. Lets a tab take over what a closed tab left
   * without polling.
   */
  watchGone(ids: readonly string[], onGone: () => void): void;
  /** Stops being seen as alive (provider closed, page going into the back/forward cache). */
  leave(): void;
}

interface LockManagerLike {
  request(name: string, callback: () => Promise<void> | void): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

function lockManager(): LockManagerLike | undefined {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks && typeof locks.request === "function" && typeof locks.query === "function" ? locks : undefined;
}

/**
 * Makes this tab known to the others: it holds a Web Lock named after a fresh id for as long as it lives.
 * The browser releases the lock when the tab closes or crashes, so the other tabs (and the next load) know at
 * once that the events it held are free, instead of waiting for their leases to run out.
 */
export function joinTabs(): TabPresence {
  const id = uuidv7();
  const locks = lockManager();
  let release: (() => void) | undefined;
  let left = false;
  /** Tabs whose end this tab waits for. */
  const watched = new Set<string>();
  const ready = new Promise<void>((resolve) => {
    if (!locks) {
      resolve();
      return;
    }
    locks
      .request(
        LOCK_PREFIX + id,
        () =>
          new Promise<void>((unlock) => {
            release = unlock;
            resolve();
            if (left) unlock();
          }),
      )
      .catch(() => resolve());
  });
  return {
    id,
    ready,
    async liveTabs() {
      if (!locks) return undefined;
      try {
        const { held = [] } = await locks.query();
        const live = new Set<string>();
        for (const lock of held) {
          if (lock.name?.startsWith(LOCK_PREFIX)) live.add(lock.name.slice(LOCK_PREFIX.length));
        }
        return live;
      } catch {
        return undefined;
      }
    },
    watchGone(others, onGone) {
      if (!locks) return;
      for (const other of others) {
        if (watched.has(other)) continue;
        watched.add(other);
        // Granted only once the other tab's lock is released; released again at once.
        locks
          .request(LOCK_PREFIX + other, () => undefined)
          .then(
            () => {
              watched.delete(other);
              onGone();
            },
            () => undefined,
          );
      }
    },
    leave() {
      left = true;
      release?.();
    },
  };
}
