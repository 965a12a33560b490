import { type CSSProperties, useEffect, useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useEffectEvent } from "./useLatest";
import { openTooltips } from "./WidgetTooltip";

// Space between the button and the tooltip, and between the tooltip and the viewport's edges.
const GAP_PX = 4;

/* -------------------------------------------------------------------------------------------------
 * TooltipContent
 * -----------------------------------------------------------------------------------------------*/

/** Props of `TooltipContent`. */
export interface TooltipContentProps {
  id: string;
  label: string;
  /** Hides it: on Escape, or when another tooltip opens. */
  onClose: () => void;
}

// Placed once measured; until then it takes no room and is not seen.
const UNPLACED: CSSProperties = { position: "fixed", top: 0, left: 0, visibility: "hidden" };

/**
 * A shown widget tooltip, in a portal on `document.body`, placed against its button (the element it describes)
 * before the first paint: above it, or below when there is no room; Escape hides it.
 */
export function TooltipContent({ id, label, onClose }: TooltipContentProps) {
  const content = useRef<HTMLDivElement>(null);
  const [style, setStyle] = useState<CSSProperties>(UNPLACED);
  useLayoutEffect(() => {
    const button = document.querySelector(`[aria-describedby="${CSS.escape(id)}"]`)?.getBoundingClientRect();
    const tip = content.current?.getBoundingClientRect();
    if (!button || !tip) return;
    const fitsAbove = button.top - tip.height - GAP_PX >= 0;
    const top = fitsAbove ? button.top - tip.height - GAP_PX : button.bottom + GAP_PX;
    const centered = button.left + (button.width - tip.width) / 2;
    const left = Math.max(GAP_PX, Math.min(centered, document.documentElement.clientWidth - tip.width - GAP_PX));
    setStyle({ position: "fixed", top, left, pointerEvents: "none" });
  }, [id]);
  const close = useEffectEvent(onClose);
  useEffect(() => {
    openTooltips.opened(close);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => {
      document.removeEventListener("keydown", onKeyDown, true);
      openTooltips.closed(close);
    };
  }, [close]);
  return createPortal(
    <div ref={content} id={id} role="tooltip" className="rfl-tooltip" style={style}>
      {label}
    </div>,
    document.body,
  );
}
