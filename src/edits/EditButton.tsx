import { clsx } from "clsx";
import { type ButtonHTMLAttributes, forwardRef } from "react";
import { keepTooltipClosed } from "../actions/focusWithoutTooltip";
import { PencilIcon, type WidgetIcons } from "../icons/icons";
import type { LabelOverrides } from "../labels/defaultLabels";
import { useLabels } from "../labels/useLabels";
import { useFeedbackMessage } from "../provider/FeedbackMessage";
import { composeEventHandlers } from "../shared/composeEventHandlers";
import { WidgetButton } from "../shared/WidgetButton";
import { useMessageEditor, usePublishEditTrigger } from "./messageEditors";

/** Props of `EditButton`. */
export interface EditButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The message whose `EditableMessage` it opens; defaults to the enclosing `FeedbackMessage`. */
  messageId?: string;
  labels?: LabelOverrides;
  /** Render your own button (the only child) with our props and behaviour merged in. */
  asChild?: boolean;
  /** Replace the pencil. */
  icons?: Pick<WidgetIcons, "edit">;
  /** Show a tooltip with the label (default true). */
  tooltip?: boolean;
}

/**
 * A pencil that opens the `EditableMessage` of the same message, for an action bar; the editor then hides its
 * own Edit button, and the focus comes back here after Save or Cancel. Renders nothing until the message has
 * an editor (while an answer streams, say). Your `onClick` runs first and may call `event.preventDefault()`.
 *
 * @example
 * ```tsx
 * <FeedbackMessage messageId={message.id}>
 *   <EditableMessage draft={message.text} />
 *   <MessageActions>
 *     <CopyButton />
 *     <EditButton />
 *   </MessageActions>
 * </FeedbackMessage>
 * ```
 */
export const EditButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, EditButtonProps>(function EditButton(
  { messageId, labels, asChild, icons, tooltip = true, className, children, onClick, onFocus, ...rest },
  ref,
) {
  const enclosing = useFeedbackMessage();
  const editedMessageId = messageId ?? enclosing?.messageId;
  if (editedMessageId === undefined) {
    throw new Error(
      '<EditButton> does not know which message it edits. Put it inside <FeedbackMessage messageId={message.id}>, or pass it messageId="...".',
    );
  }
  const { edit } = useLabels(labels);
  const editor = useMessageEditor(editedMessageId);
  usePublishEditTrigger(editedMessageId);
  if (!editor) return null;
  return (
    <WidgetButton
      ref={ref}
      type="button"
      label={edit}
      tooltip={tooltip}
      icon={icons?.edit ?? <PencilIcon />}
      asChild={asChild}
      aria-expanded={editor.editing}
      data-state={editor.editing ? "open" : "closed"}
      {...rest}
      className={clsx("rfl-edit", className)}
      onFocus={composeEventHandlers(onFocus, keepTooltipClosed)}
      onClick={composeEventHandlers(onClick, (event) => editor.open(event.currentTarget))}
    >
      {children}
    </WidgetButton>
  );
});
