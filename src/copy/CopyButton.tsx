import { Slot } from "@radix-ui/react-slot";
import { clsx } from "clsx";
import { type ButtonHTMLAttributes, forwardRef } from "react";
import { CheckIcon, CopyIcon, type WidgetIcons } from "../icons/icons";
import { visuallyHidden } from "../shared/visuallyHidden";
import { WidgetTooltip } from "../shared/WidgetTooltip";
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
 * Copies the message (or `text`) to the clipboard, shows and announces "Copied" for about 1.5 s, and emits
 * `copy`. Your `onClick` runs first and may call `event.preventDefault()` to stop the copy.
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
  });
  const Component = asChild ? Slot : "button";
  const { "aria-label": label, ...buttonProps } = copy.getButtonProps({ ...(onClick && { onClick }) });
  // Our icon needs the label as its name; the app's own content (text, or its own aria-label) names itself.
  const ownContent = asChild || children !== undefined;
  const icon = copy.state === "copied" ? (icons?.copied ?? <CheckIcon />) : (icons?.copy ?? <CopyIcon />);
  return (
    <>
      <WidgetTooltip label={tooltip && copy.label}>
        <Component
          ref={ref}
          {...buttonProps}
          {...(!ownContent && { "aria-label": label })}
          {...rest}
          className={clsx(!asChild && "rfl-icon-button", "rfl-copy", className)}
        >
          {asChild ? children : (children ?? icon)}
        </Component>
      </WidgetTooltip>
      <span role="status" style={visuallyHidden}>
        {copy.state === "idle" ? "" : copy.label}
      </span>
    </>
  );
});
