import { type ReactElement, useState } from "react";
import { visuallyHidden } from "./visuallyHidden";

/** Has screen readers say a text once, politely (after what they are reading). */
export type Announce = (text: string) => void;

// Every announcement gets a new id, so that saying the same words twice is heard twice.
let announcements = 0;

/**
 * The provider's one live region, and the function that speaks through it. The region is there from the
 * first render, so a screen reader already watches it when a widget speaks: one region for a whole chat,
 * where a region per widget would add a thousand elements to a thousand messages. It is a log, as React
 * Aria's announcer: each announcement is a new element in it, read once. Not a `status`, which is the app's
 * own (a page query for "the status" must not find ours).
 */
export function useLiveRegion(): [Announce, ReactElement] {
  // The latest announcement, its id and its words: a log keeps what it said, as a chat's history does.
  const [message, setMessage] = useState<[number, string]>();
  const [announce] = useState<Announce>(() => (text: string) => setMessage([++announcements, text]));
  // A log is polite and hears additions without saying so in attributes.
  const region = (
    <span role="log" style={visuallyHidden}>
      {message && <span key={message[0]}>{message[1]}</span>}
    </span>
  );
  return [announce, region];
}
