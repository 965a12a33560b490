import * as Tooltip from "@radix-ui/react-tooltip";
import type { ReactElement } from "react";

/** Props of `WidgetTooltip`. */
export interface WidgetTooltipProps {
  /** The tooltip text; `false` renders the trigger alone. */
  label: string | false;
  /** One element that forwards its ref and props (the button). */
  children: ReactElement;
}

/** A Radix tooltip around one widget button, with its own `Tooltip.Provider` so apps need no extra wrapper. */
export function WidgetTooltip({ label, children }: WidgetTooltipProps) {
  if (label === false) return children;
  return (
    <Tooltip.Provider delayDuration={500}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="rfl-tooltip" sideOffset={4}>
            {label}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
