import { useId, useSyncExternalStore } from "react";
import type { MemorySink } from "../../src/sinks/memorySink";
import { eventFields, eventTime } from "./eventSummary";

export interface EventLogProps {
  sink: MemorySink;
  title?: string;
  /** Where these events go, in a sentence: "Kept in memory on this page." */
  destination: string;
  /** What the log says before the first event. */
  empty?: string;
}

/**
 * The events a sink holds, newest first: one line each (time, type, the fields that matter for that type), and
 * the full JSON behind each line. The count in the heading is the number of lines below it.
 */
export function EventLog({
  sink,
  title = "Emitted events",
  destination,
  empty = "Interact with the story: its events appear here.",
}: EventLogProps) {
  const events = useSyncExternalStore(sink.subscribe, sink.getSnapshot, sink.getSnapshot);
  const headingId = useId();
  return (
    <section className="story-log" aria-labelledby={headingId}>
      <header className="story-log-header">
        <h2 id={headingId}>
          {title} <span aria-live="polite">({events.length})</span>
        </h2>
        <button type="button" className="story-button" onClick={() => sink.clear()} disabled={events.length === 0}>
          Clear
        </button>
      </header>
      <p className="story-log-destination">{destination}</p>
      {events.length === 0 ? (
        <p className="story-log-empty">{empty}</p>
      ) : (
        <ol
          reversed
          className="story-log-list"
          aria-label="Events, newest first"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be read.
          tabIndex={0}
        >
          {[...events].reverse().map((event) => (
            <li key={event.id}>
              <details>
                <summary>
                  <time dateTime={event.ts}>{eventTime(event)}</time>
                  <span className="story-log-type" data-type={event.type}>
                    {event.type}
                  </span>
                  <span className="story-log-fields">{eventFields(event).join(" · ")}</span>
                </summary>
                <pre>{JSON.stringify(event, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
