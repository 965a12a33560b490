import { type ButtonHTMLAttributes, forwardRef } from "react";
import { defaultIcons, type WidgetIcons } from "../icons/icons";
import { widgetButton } from "../shared/WidgetButton";
import { type UseCopyOptions, useCopy } from "./useCopy";

/** Props of `CopyButton`. */
export interface CopyButtonProps
  extends UseCopyOptions,
    Omit<ButtonHTMLAttributes<HTMLButtonElement>, "disabled" | keyof UseCopyOptions> {
  /** Render your own button (the only child) with our props and behaviour merged in. */
  asChild?: boolean;
  /** Replace the copy and copied icons. */
  icons?: Pick<WidgetIcons, "copy" | "copied">;
  /** Show a tooltip with the label (default true). */
  tooltip?: boolean;
}

/**
 * Copies the message (or `text`) to the clipboard, shows "Copied" for about 1.5 s, says it to screen readers
 * (through the provider's live region), and emits `copy`. Your `onClick` runs first and may call
 * `event.preventDefault()` to stop the copy.
 *
 * @example
 * ```tsx
 * <FeedbackMessage messageId={message.id} content={message.text}>
 *   <p>{message.text}</p>
 *   <CopyButton />
 * </FeedbackMessage>
 * ```
 */
export const CopyButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, CopyButtonProps>(function CopyButton(
  {
    text,
    source,
    includeText,
    messageId,
    disabled,
    onCopied,
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
  const copy = useCopy({
    ...(text !== undefined && { text }),
    ...(source !== undefined && { source }),
    ...(includeText !== undefined && { includeText }),
    ...(messageId !== undefined && { messageId }),
    ...(disabled !== undefined && { disabled }),
    ...(onCopied !== undefined && { onCopied }),
    ...(labels !== undefined && { labels }),
    // Said through the provider's one live region, not one of our own: a region per button is a thousand
    // elements in a long chat.
    announce: true,
  });
  const { "aria-label": label, ...buttonProps } = copy.getButtonProps({ ...(onClick && { onClick }) });
  return widgetButton(
    {
      label,
      tooltip,
      icon: copy.state === "copied" ? (icons?.copied ?? defaultIcons.copied) : (icons?.copy ?? defaultIcons.copy),
      asChild,
      ...buttonProps,
      ...rest,
      className: className ? `rfl-copy ${className}` : "rfl-copy",
      children,
    },
    ref,
  );
});
