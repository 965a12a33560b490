import { clsx } from "clsx";
import { type ButtonHTMLAttributes, forwardRef, type ReactNode } from "react";
import { Slot } from "./Slot";
import { TOOLTIP_ATTRIBUTE } from "./tooltipAttribute";

/** Props of `WidgetButton`. */
export interface WidgetButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The widget's label for its current state: the name of our icon, and the tooltip. */
  label: string;
  /** Show the label as a tooltip. */
  tooltip: boolean;
  /** Our icon, drawn when the app gives no content of its own. */
  icon: ReactNode;
  /** Render the app's own button (the only child) with our props and behaviour merged in. */
  asChild?: boolean | undefined;
}

/**
 * The button of the thumbs, copy and regenerate widgets: our icon named by the label, or the app's own content
 * (text, its own `aria-label`, or its own element through `asChild`), which names itself. With a tooltip.
 */
export const WidgetButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, WidgetButtonProps>(function WidgetButton(
  { label, tooltip, icon, asChild, className, children, ...props },
  ref,
) {
  const Component = asChild ? Slot : "button";
  const ownContent = asChild || children !== undefined;
  return (
    <Component
      ref={ref}
      {...(!ownContent && { "aria-label": label })}
      // The page's one tooltip handler shows it (see ./tooltips): nothing per button but the text.
      {...(tooltip && { [TOOLTIP_ATTRIBUTE]: label })}
      {...props}
      className={clsx(!asChild && "rfl-icon-button", className)}
    >
      {asChild ? children : (children ?? icon)}
    </Component>
  );
});
