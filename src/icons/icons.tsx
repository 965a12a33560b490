import type { ReactElement, ReactNode } from "react";

/**
 * The icons a widget draws; pass any of them (an SVG, an icon font's element, text) to replace ours. The
 * default icons are exported too (`ThumbUpIcon`, `ThumbDownIcon`, `CopyIcon`, `CheckIcon`, `RegenerateIcon`, `PencilIcon`).
 *
 * @example
 * ```tsx
 * <ThumbsFeedback icons={{ thumbUp: <HeartIcon />, thumbDown: <BrokenHeartIcon /> }} />
 * ```
 */
export interface WidgetIcons {
  thumbUp?: ReactNode;
  thumbDown?: ReactNode;
  copy?: ReactNode;
  copied?: ReactNode;
  regenerate?: ReactNode;
  edit?: ReactNode;
}

// Decorative: the button around the icon carries the accessible name. Each icon is one element made when the
// module loads, shared by every button that draws it, and one path (a rectangle written as path commands):
// a chat of a thousand messages renders no icon component, and four DOM nodes fewer per message.
function icon(d: string): ReactElement {
  return (
    <svg
      aria-hidden="true"
      width="1em"
      height="1em"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      className="rfl-icon"
    >
      <path d={d} />
    </svg>
  );
}

/** The default icons as elements, for the widgets to draw without a component of their own. */
export const defaultIcons = {
  thumbUp: /* @__PURE__ */ icon(
    "M7 10v12M15 5.88 14 10h5.83a2 2 0 0 1 1.92 2.56l-2.33 8A2 2 0 0 1 17.5 22H4a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h2.76a2 2 0 0 0 1.79-1.11L12 2a3.13 3.13 0 0 1 3 3.88Z",
  ),
  thumbDown: /* @__PURE__ */ icon(
    "M17 14V2M9 18.12 10 14H4.17a2 2 0 0 1-1.92-2.56l2.33-8A2 2 0 0 1 6.5 2H20a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-2.76a2 2 0 0 0-1.79 1.11L12 22a3.13 3.13 0 0 1-3-3.88Z",
  ),
  copy: /* @__PURE__ */ icon(
    "M10 8h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10a2 2 0 0 1-2-2V10a2 2 0 0 1 2-2ZM4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2",
  ),
  copied: /* @__PURE__ */ icon("M20 6 9 17l-5-5"),
  regenerate: /* @__PURE__ */ icon(
    "M3 12a9 9 0 0 1 9-9 9.75 9.75 0 0 1 6.74 2.74L21 8M21 3v5h-5M21 12a9 9 0 0 1-9 9 9.75 9.75 0 0 1-6.74-2.74L3 16M8 16H3v5",
  ),
  edit: /* @__PURE__ */ icon(
    "M21.17 6.81a2.82 2.82 0 0 0-3.99-3.99L3.84 16.17a2 2 0 0 0-.5.83l-1.32 4.35a.5.5 0 0 0 .62.62l4.35-1.32a2 2 0 0 0 .83-.5zM15 5l4 4",
  ),
} satisfies Required<WidgetIcons>;

export function ThumbUpIcon() {
  return defaultIcons.thumbUp;
}

export function ThumbDownIcon() {
  return defaultIcons.thumbDown;
}

export function CopyIcon() {
  return defaultIcons.copy;
}

export function CheckIcon() {
  return defaultIcons.copied;
}

export function RegenerateIcon() {
  return defaultIcons.regenerate;
}

export function PencilIcon() {
  return defaultIcons.edit;
}
