import type { ReactNode } from "react";

/** One frame of `ThemeFrames`: its theme and direction, and an id to make message ids unique. */
export interface ThemeFrame {
  id: string;
  title: string;
  theme: "light" | "dark";
  dir: "ltr" | "rtl";
}

const FRAMES: ThemeFrame[] = [
  { id: "light", title: "Light", theme: "light", dir: "ltr" },
  { id: "dark", title: "Dark", theme: "dark", dir: "ltr" },
  { id: "rtl", title: "Right to left", theme: "light", dir: "rtl" },
  { id: "dark-rtl", title: "Dark, right to left", theme: "dark", dir: "rtl" },
];

/** The same widget in light, dark, right to left, and dark right to left, on the theme's own background. */
export function ThemeFrames({ children }: { children: (frame: ThemeFrame) => ReactNode }) {
  return (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 20rem), 1fr))", gap: 12 }}>
      {FRAMES.map((frame) => (
        <section
          key={frame.id}
          aria-label={frame.title}
          data-theme={frame.theme}
          dir={frame.dir}
          style={{
            display: "grid",
            gap: 8,
            alignContent: "start",
            padding: 12,
            borderRadius: 8,
            background: "var(--rfl-bg)",
            color: "var(--rfl-fg)",
            fontFamily: "system-ui, sans-serif",
          }}
        >
          <h3 style={{ margin: 0, font: "600 12px system-ui, sans-serif", color: "var(--rfl-fg-muted)" }}>
            {frame.title}
          </h3>
          {children(frame)}
        </section>
      ))}
    </div>
  );
}
