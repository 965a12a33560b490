import { type CSSProperties, useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";

// Space between the button and the tooltip, and between the tooltip and the viewport's edges.
const GAP_PX = 4;

/* -------------------------------------------------------------------------------------------------
 * TooltipContent
 * -----------------------------------------------------------------------------------------------*/

/** Props of `TooltipContent`. */
export interface TooltipContentProps {
  id: string;
  label: string;
  trigger: { current: HTMLElement | null };
}

// Placed once measured; until then it takes no room and is not seen.
const UNPLACED: CSSProperties = { position: "fixed", top: 0, left: 0, visibility: "hidden" };

/** The tooltip itself, in a portal on `document.body`, placed against its button before the first paint. */
export function TooltipContent({ id, label, trigger }: TooltipContentProps) {
  const content = useRef<HTMLDivElement>(null);
  const [style, setStyle] = useState<CSSProperties>(UNPLACED);
  useLayoutEffect(() => {
    const button = trigger.current?.getBoundingClientRect();
    const tip = content.current?.getBoundingClientRect();
    if (!button || !tip) return;
    const fitsAbove = button.top - tip.height - GAP_PX >= 0;
    const top = fitsAbove ? button.top - tip.height - GAP_PX : button.bottom + GAP_PX;
    const centered = button.left + (button.width - tip.width) / 2;
    const left = Math.max(GAP_PX, Math.min(centered, document.documentElement.clientWidth - tip.width - GAP_PX));
    setStyle({ position: "fixed", top, left, pointerEvents: "none" });
  }, [trigger]);
  return createPortal(
    <div ref={content} id={id} role="tooltip" className="rfl-tooltip" style={style}>
      {label}
    </div>,
    document.body,
  );
}
