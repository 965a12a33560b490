import { type ReactNode, useRef, useSyncExternalStore } from "react";
import type { MemorySink } from "../../src/sinks/memorySink";
import { EventLog } from "./EventLog";
import { useMediaQuery } from "./useMediaQuery";

/** Wide enough for the story and the log side by side; below it the log is a drawer. */
const SIDE_BY_SIDE = "(min-width: 60rem)";

/**
 * A story with its event log: beside it on a wide screen; on a phone, in a drawer opened from a button above
 * the story, so the story keeps the whole width and nothing floats over it.
 */
export function StoryWithLog({
  sink,
  destination,
  children,
}: {
  sink: MemorySink;
  destination: string;
  children: ReactNode;
}) {
  const wide = useMediaQuery(SIDE_BY_SIDE);
  const drawer = useRef<HTMLDialogElement>(null);
  const count = useSyncExternalStore(
    sink.subscribe,
    () => sink.getSnapshot().length,
    () => 0,
  );
  const log = <EventLog sink={sink} destination={destination} />;
  if (wide) {
    return (
      <div className="story-with-log">
        <div className="story-with-log-story">{children}</div>
        {log}
      </div>
    );
  }
  return (
    <div className="story-with-log story-with-log--narrow">
      <button
        type="button"
        className="story-button story-log-open"
        aria-haspopup="dialog"
        onClick={() => drawer.current?.showModal()}
      >
        Event log ({count})
      </button>
      <div className="story-with-log-story">{children}</div>
      {/* Light dismiss: a click on the backdrop (the dialog element itself, outside its content) closes it. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes a modal dialog natively; the click is only the backdrop. */}
      <dialog
        ref={drawer}
        className="story-log-drawer"
        aria-label="Event log"
        onClick={(event) => {
          if (event.target === drawer.current) drawer.current?.close();
        }}
      >
        <div className="story-log-drawer-body">
          <button type="button" className="story-button story-log-close" onClick={() => drawer.current?.close()}>
            Close
          </button>
          {log}
        </div>
      </dialog>
    </div>
  );
}
