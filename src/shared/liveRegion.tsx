import { createContext, useSyncExternalStore } from "react";
import { visuallyHidden } from "./visuallyHidden";

// How long an announcement stays in the region: long enough for a screen reader to read it, short enough
// that a user who browses the page later does not find stale news there.
const SHOWN_MS = 5000;

interface Announcement {
  /** A new id per announcement, so that saying the same words twice is heard twice. */
  id: number;
  text: string;
}

/** One polite live region for every widget under a provider. */
export interface Announcer {
  /** Has screen readers say `text` once (politely: after what they are reading). */
  announce(text: string): void;
  subscribe(listener: () => void): () => void;
  current(): Announcement | null;
}

/** The announcer of one `FeedbackProvider`; its region is rendered by `LiveRegion`. */
export function createAnnouncer(): Announcer {
  let current: Announcement | null = null;
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  const set = (next: Announcement | null) => {
    current = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    announce(text) {
      clearTimeout(timer);
      set({ id: ++count, text });
      timer = setTimeout(() => set(null), SHOWN_MS);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current: () => current,
  };
}

export const AnnouncerContext = /* @__PURE__ */ createContext<Announcer | null>(null);

const nothing = () => null;

/**
 * The provider's one live region: it exists from the first render, so a screen reader already watches it when
 * a widget speaks. One region for a whole chat, where a region per widget would add a thousand elements to a
 * thousand messages. Each announcement is a new element inside it: the same words twice are heard twice.
 */
export function LiveRegion({ announcer }: { announcer: Announcer }) {
  const message = useSyncExternalStore(announcer.subscribe, announcer.current, nothing);
  // A log, as React Aria's announcer: each announcement is an addition, read once. Not a `status`, which is
  // the app's own (a page query for "the status" must not find ours).
  return (
    <span role="log" aria-live="polite" aria-relevant="additions" style={visuallyHidden}>
      {message && <span key={message.id}>{message.text}</span>}
    </span>
  );
}
