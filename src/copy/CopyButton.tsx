import { clsx } from "clsx";
import { type ButtonHTMLAttributes, forwardRef } from "react";
import { CheckIcon, CopyIcon, type WidgetIcons } from "../icons/icons";
import { visuallyHidden } from "../shared/visuallyHidden";
import { WidgetButton } from "../shared/WidgetButton";
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
  const { "aria-label": label, ...buttonProps } = copy.getButtonProps({ ...(onClick && { onClick }) });
  return (
    <>
      <WidgetButton
        ref={ref}
        label={label}
        tooltip={tooltip}
        icon={copy.state === "copied" ? (icons?.copied ?? <CheckIcon />) : (icons?.copy ?? <CopyIcon />)}
        asChild={asChild}
        {...buttonProps}
        {...rest}
        className={clsx("rfl-copy", className)}
      >
        {children}
      </WidgetButton>
      <span role="status" style={visuallyHidden}>
        {copy.state === "idle" ? "" : copy.label}
      </span>
    </>
  );
});
