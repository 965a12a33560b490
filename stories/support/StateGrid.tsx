import type { ReactNode } from "react";

/** Labelled cells side by side: one story showing every state of a widget for visual review. */
export function StateGrid({ children }: { children: ReactNode }) {
  return <div className="story-state-grid">{children}</div>;
}

export function StateCell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="story-state-cell">
      <h3>{title}</h3>
      {children}
    </section>
  );
}
