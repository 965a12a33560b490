import { type ButtonHTMLAttributes, forwardRef, type ReactElement, type ReactNode, type Ref } from "react";
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
 * The button of the thumbs, copy, regenerate and edit widgets: our icon named by the label, or the app's own
 * content (text, its own `aria-label`, or its own element through `asChild`), which names itself. With a
 * tooltip. A function, not a component: the widgets return its element as their own, so a chat of a thousand
 * messages renders no component per button on top of the widget's.
 */
export function widgetButton(
  { label, tooltip, icon, asChild, className, children, ...props }: WidgetButtonProps,
  ref?: Ref<HTMLButtonElement>,
): ReactElement {
  const ownContent = asChild || children !== undefined;
  const buttonProps = {
    ref,
    ...(!ownContent && { "aria-label": label }),
    // The page's one tooltip handler shows it (see ./tooltips): nothing per button but the text.
    ...(tooltip && { [TOOLTIP_ATTRIBUTE]: label }),
    ...props,
  };
  if (asChild) {
    return (
      <Slot {...buttonProps} {...(className && { className })}>
        {children}
      </Slot>
    );
  }
  return (
    <button {...buttonProps} className={className ? `rfl-icon-button ${className}` : "rfl-icon-button"}>
      {children ?? icon}
    </button>
  );
}

/** `widgetButton` as a component, for a widget that renders more than its button. */
export const WidgetButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, WidgetButtonProps>(
  function WidgetButton(props, ref) {
    return widgetButton(props, ref);
  },
);
