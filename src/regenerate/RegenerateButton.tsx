import { type ButtonHTMLAttributes, forwardRef } from "react";
import { defaultIcons, type WidgetIcons } from "../icons/icons";
import { widgetButton } from "../shared/WidgetButton";
import { type UseRegenerateOptions, useRegenerate } from "./useRegenerate";

/** Props of `RegenerateButton`. */
export interface RegenerateButtonProps
  extends UseRegenerateOptions,
    Omit<ButtonHTMLAttributes<HTMLButtonElement>, "disabled" | keyof UseRegenerateOptions> {
  /** Render your own button (the only child) with our props and behaviour merged in. */
  asChild?: boolean;
  /** Replace the icon. */
  icons?: Pick<WidgetIcons, "regenerate">;
  /** Show a tooltip with the label (default true). */
  tooltip?: boolean;
}

/**
 * Asks the app for another answer and emits `regenerate` with the attempt number for this message and the
 * answer it replaces. Your `onClick` runs first and may call `event.preventDefault()` to stop it.
 *
 * @example
 * ```tsx
 * <FeedbackMessage messageId={message.id} content={message.text}>
 *   <p>{message.text}</p>
 *   <RegenerateButton onRegenerate={() => reload({ messageId: message.id })} />
 * </FeedbackMessage>
 * ```
 */
export const RegenerateButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, RegenerateButtonProps>(
  function RegenerateButton(
    {
      onRegenerate,
      messageId,
      disabled,
      labels,
      asChild,
      icons,
      tooltip = true,
      className,
      children,
      onClick,
      ...rest
    },
    ref,
  ) {
    const regenerate = useRegenerate({
      onRegenerate,
      ...(messageId !== undefined && { messageId }),
      ...(disabled !== undefined && { disabled }),
      ...(labels !== undefined && { labels }),
    });
    const { "aria-label": label, ...buttonProps } = regenerate.getButtonProps({ ...(onClick && { onClick }) });
    return widgetButton(
      {
        label,
        tooltip,
        icon: icons?.regenerate ?? defaultIcons.regenerate,
        asChild,
        ...buttonProps,
        ...rest,
        className: className ? `rfl-regenerate ${className}` : "rfl-regenerate",
        children,
      },
      ref,
    );
  },
);
