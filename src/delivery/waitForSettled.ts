import type { HeldEvents } from "./heldEvents";
import type { QueueStorage } from "./queueStorage";

/** How often a waiting `flush()` looks whether another tab has settled its events. */
const POLL_MS = 250;

/**
 * Resolves once every event unsettled now is settled (what `flush()` waits for). Woken by each settle, and
 * every `POLL_MS` it asks the store about the rest: another tab may have taken and delivered some of them, or
 * a cap dropped them; then `nudge` runs the send loop again in case it stopped.
 *
 * @example
 * ```ts
 * await waitForSettled(held, storage, () => schedule.request(true));
 * ```
 */
export async function waitForSettled(held: HeldEvents, storage: QueueStorage, nudge: () => void): Promise<void> {
  const waiting = held.unsettledIds();
  for (;;) {
    for (const id of waiting) if (held.isSettled(id)) waiting.delete(id);
    if (waiting.size === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, POLL_MS);
      function done() {
        clearTimeout(timer);
        held.settleListeners.delete(done);
        resolve();
      }
      held.settleListeners.add(done);
    });
    const unknown = [...waiting].filter((id) => !held.isSettled(id) && !held.inFlight.has(id));
    if (unknown.length > 0 && storage.kind === "indexeddb") {
      const present = await storage.run((store) => store.has(unknown)).catch(() => new Set(unknown));
      const gone = unknown.filter((id) => !present.has(id) && held.isWritten(id) !== false);
      if (gone.length > 0) held.settle(gone);
    }
    nudge();
  }
}
