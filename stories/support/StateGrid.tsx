import type { ReactNode } from "react";

/** Labelled cells side by side: one story showing every state of a widget for visual review. */
export function StateGrid({ children }: { children: ReactNode }) {
  return (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(15rem, 1fr))", gap: "1rem" }}>
      {children}
    </div>
  );
}

export function StateCell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} style={{ display: "grid", gap: "0.5rem", alignContent: "start" }}>
      <h3 style={{ margin: 0, font: "600 12px system-ui, sans-serif", color: "#59636e" }}>{title}</h3>
      {children}
    </section>
  );
}
