import { type PointerEvent, type ReactNode, type SyntheticEvent, useId, useRef, useState } from "react";
import { lazyComponent } from "./lazyModule";

// Hover waits this long before showing, as most design systems do; moving from one open tooltip to the next
// button within SKIP_DELAY_MS shows the next at once.
const DELAY_MS = 500;
const SKIP_DELAY_MS = 300;

// One tooltip is open at a time on the page: opening one closes the one before (see `TooltipContent`).
let closeOpen: (() => void) | undefined;
let lastClosedAt = Number.NEGATIVE_INFINITY;

/** Called by a tooltip as it opens and as it closes, so the next one closes it or skips its delay. */
export const openTooltips = {
  opened(close: () => void): void {
    closeOpen?.();
    closeOpen = close;
  },
  closed(close: () => void): void {
    if (closeOpen === close) closeOpen = undefined;
    lastClosedAt = performance.now();
  },
};

const skipsDelay = () => closeOpen !== undefined || performance.now() - lastClosedAt < SKIP_DELAY_MS;

// Measuring, placing and dismissing the tooltip is code only a hover or focus needs: it arrives with the first.
const TooltipContent = /* @__PURE__ */ lazyComponent(() => import("./TooltipContent").then((m) => m.TooltipContent));

/** Props the trigger of a widget tooltip carries; the app's own handlers of the same names run first. */
export interface TooltipTriggerProps {
  "aria-describedby": string | undefined;
  onPointerEnter: (event: PointerEvent) => void;
  onPointerLeave: () => void;
  onPointerDown: () => void;
  onFocus: () => void;
  onBlur: () => void;
}

/** What `useWidgetTooltip` returns: props for the button, and the tooltip to render beside it. */
export interface WidgetTooltip {
  triggerProps: TooltipTriggerProps | undefined;
  tooltip: ReactNode;
}

/**
 * The label of a widget button as a tooltip, following the WAI-ARIA tooltip pattern: it shows on hover (after
 * a short delay) and on keyboard focus, not on a press or on touch; Escape, leaving, blurring or pressing hides
 * it; while shown it describes the button (`aria-describedby`). `false` for no tooltip.
 *
 * A chat has many buttons and few are ever hovered, so until one is shown a button carries only its handlers:
 * no effect, no listener, no element; the code that places the tooltip loads with the first hover or focus.
 */
export function useWidgetTooltip(label: string | false): WidgetTooltip {
  const [open, setOpen] = useState(false);
  const id = useId();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // A focus that comes with a pointer press is not a keyboard focus: it shows nothing.
  const pressing = useRef(false);
  if (label === false) return { triggerProps: undefined, tooltip: null };

  const show = (shown: boolean) => {
    clearTimeout(timer.current);
    setOpen(shown);
  };
  const hide = () => show(false);
  return {
    triggerProps: {
      "aria-describedby": open ? id : undefined,
      onPointerEnter: (event) => {
        if (event.pointerType === "touch" || pressing.current) return;
        void TooltipContent.preload();
        clearTimeout(timer.current);
        timer.current = setTimeout(() => show(true), skipsDelay() ? 0 : DELAY_MS);
      },
      onPointerLeave: hide,
      onPointerDown: () => {
        pressing.current = true;
        document.addEventListener("pointerup", () => (pressing.current = false), { once: true, capture: true });
        hide();
      },
      onFocus: () => {
        if (!pressing.current) show(true);
      },
      onBlur: hide,
    },
    tooltip: open && <TooltipContent id={id} label={label} onClose={hide} />,
  };
}

/** The app's handler, then ours: both run, as with `asChild`, and ours can see `defaultPrevented`. */
export function withTriggerProps<P extends Record<string, unknown>>(
  props: P,
  trigger: TooltipTriggerProps | undefined,
): P {
  if (!trigger) return props;
  const merged: Record<string, unknown> = {
    ...props,
    "aria-describedby": trigger["aria-describedby"] ?? props["aria-describedby"],
  };
  for (const name of ["onPointerEnter", "onPointerLeave", "onPointerDown", "onFocus", "onBlur"] as const) {
    const theirs = props[name] as ((event: SyntheticEvent) => void) | undefined;
    const ours = trigger[name] as (event: SyntheticEvent) => void;
    merged[name] = theirs
      ? (event: SyntheticEvent) => {
          theirs(event);
          ours(event);
        }
      : ours;
  }
  return merged as P;
}
