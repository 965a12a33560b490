import { useSyncExternalStore } from "react";
import type { MemorySink } from "../../src/sinks/memorySink";

/** Every event the sink has received, newest first, as JSON: what each click sends, live. */
export function EventLog({ sink, title = "Emitted events" }: { sink: MemorySink; title?: string }) {
  const events = useSyncExternalStore(sink.subscribe, sink.getSnapshot, sink.getSnapshot);
  return (
    <section
      aria-label={title}
      style={{
        font: "12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace",
        color: "#1f2328",
        background: "#f6f8fa",
        border: "1px solid #d1d9e0",
        borderRadius: 8,
        padding: "0.5rem 0.75rem",
      }}
    >
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: "0.5rem" }}>
        <h2 style={{ font: "600 13px system-ui, sans-serif", margin: 0 }}>
          {title} <span aria-live="polite">({events.length})</span>
        </h2>
        <button type="button" onClick={() => sink.clear()} disabled={events.length === 0}>
          Clear
        </button>
      </div>
      {events.length === 0 ? (
        <p style={{ margin: "0.5rem 0", color: "#59636e" }}>Interact with the story: its events appear here.</p>
      ) : (
        <ol
          reversed
          aria-label="Events, newest first"
          style={{ listStyle: "none", padding: 0, margin: "0.5rem 0 0", maxHeight: "70vh", overflow: "auto" }}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be read.
          tabIndex={0}
        >
          {[...events].reverse().map((event) => (
            <li key={event.id} style={{ borderTop: "1px solid #d1d9e0", padding: "0.375rem 0" }}>
              <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                {JSON.stringify(event, null, 2)}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
