import { type PointerEvent, type ReactElement, useEffect, useId, useRef, useState } from "react";
import { lazyComponent } from "./lazyModule";
import { Slot } from "./Slot";

/* -------------------------------------------------------------------------------------------------
 * WidgetTooltip
 * -----------------------------------------------------------------------------------------------*/

/** Props of `WidgetTooltip`. */
export interface WidgetTooltipProps {
  /** The tooltip text; `false` renders the trigger alone. */
  label: string | false;
  /** One element that forwards its ref and props (the button). */
  children: ReactElement;
}

// Hover waits this long before showing, as most design systems do; moving from one open tooltip to the next
// button within SKIP_DELAY_MS shows the next at once.
const DELAY_MS = 500;
const SKIP_DELAY_MS = 300;

// Measuring and placing the tooltip is code only a hover or focus needs: it arrives with the first one.
const TooltipContent = /* @__PURE__ */ lazyComponent(() => import("./TooltipContent").then((m) => m.TooltipContent));

// One tooltip is open at a time on the page: opening one closes the one before.
let closeOpen: (() => void) | undefined;
let lastClosedAt = Number.NEGATIVE_INFINITY;

/**
 * The label of a widget button as a tooltip, following the WAI-ARIA tooltip pattern: it shows on hover (after
 * a short delay) and on keyboard focus, not on a press or on touch; Escape, leaving, blurring or pressing hides
 * it; while shown it describes the button (`aria-describedby`). It sits above the button (below when there is
 * no room), in a portal, so no ancestor's overflow cuts it.
 *
 * Until it is first shown a button carries only a few handlers: nothing is measured or rendered for the many
 * buttons of a chat that are never hovered.
 */
export function WidgetTooltip({ label, children }: WidgetTooltipProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const trigger = useRef<HTMLElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // A focus that comes with a pointer press is not a keyboard focus: it shows nothing.
  const pressing = useRef(false);

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    closeOpen?.();
    closeOpen = close;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => {
      document.removeEventListener("keydown", onKeyDown, true);
      if (closeOpen === close) closeOpen = undefined;
      lastClosedAt = performance.now();
    };
  }, [open]);

  useEffect(() => () => clearTimeout(timer.current), []);

  if (label === false) return children;

  const show = () => {
    clearTimeout(timer.current);
    setOpen(true);
  };
  const hide = () => {
    clearTimeout(timer.current);
    setOpen(false);
  };
  const handlers = {
    onPointerEnter: (event: PointerEvent) => {
      if (event.pointerType === "touch" || pressing.current) return;
      void TooltipContent.preload();
      clearTimeout(timer.current);
      const skip = closeOpen !== undefined || performance.now() - lastClosedAt < SKIP_DELAY_MS;
      timer.current = setTimeout(show, skip ? 0 : DELAY_MS);
    },
    onPointerLeave: hide,
    onPointerDown: () => {
      pressing.current = true;
      document.addEventListener("pointerup", () => (pressing.current = false), { once: true, capture: true });
      hide();
    },
    onFocus: () => {
      if (!pressing.current) show();
    },
    onBlur: hide,
  };
  return (
    <>
      <Slot ref={trigger} aria-describedby={open ? id : undefined} {...handlers}>
        {children}
      </Slot>
      {open && <TooltipContent id={id} label={label} trigger={trigger} />}
    </>
  );
}
