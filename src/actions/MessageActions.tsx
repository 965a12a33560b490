import { clsx } from "clsx";
import { type HTMLAttributes, type ReactNode, useContext, useMemo, useRef } from "react";
import { type LabelOverrides, mergeOverrides } from "../labels/defaultLabels";
import { useLabels } from "../labels/useLabels";
import { composeEventHandlers } from "../shared/composeEventHandlers";
import { WidgetSettingsContext } from "../shared/WidgetSettings";
import { ActionsLeadingContext } from "./actionsLeading";
import { ActionsPanelContext } from "./actionsPanel";
import { useRovingTabStop } from "./useRovingTabStop";

/* -------------------------------------------------------------------------------------------------
 * MessageActions
 * -----------------------------------------------------------------------------------------------*/

/** Props of `MessageActions`. */
export interface MessageActionsProps extends HTMLAttributes<HTMLDivElement> {
  /**
   * `"always"` (default) shows the bar; `"hover"` hides it until the message is hovered or has the focus
   * within. It stays shown on touch screens, while a form is open, a vote is pressed or an action runs.
   */
  reveal?: "always" | "hover";
  /** Label overrides for the bar and every widget in it (between the provider's and each widget's own). */
  labels?: LabelOverrides;
  /** The widgets, in order: `CopyButton`, `RegenerateButton`, `EditButton`, `ThumbsFeedback`, your own. */
  children?: ReactNode;
}

/**
 * One bar for a message's actions: its widgets in one row with one rhythm, and a panel under the row for what
 * opens from them (the follow-up form, the thank-you), aligned with the message text. Opening the form,
 * "Copied" or a pending regenerate moves no button. A WAI-ARIA toolbar: one Tab stop per message, arrow keys
 * between its buttons, Home and End. Inside `AnswerVersions`, its "‹ 2 / 3 ›" stepper comes first.
 *
 * @example
 * ```tsx
 * <FeedbackMessage messageId={message.id} traceId={message.traceId} content={message.text}>
 *   <EditableMessage draft={message.text} />
 *   <MessageActions reveal="hover">
 *     <CopyButton />
 *     <RegenerateButton onRegenerate={() => reload(message.id)} />
 *     <EditButton />
 *     <ThumbsFeedback />
 *   </MessageActions>
 * </FeedbackMessage>
 * ```
 */
export function MessageActions({
  reveal = "always",
  labels,
  className,
  children,
  onFocus,
  onKeyDown,
  ...rest
}: MessageActionsProps) {
  const settings = useContext(WidgetSettingsContext);
  const scoped = useMemo(
    () => (labels ? { ...settings, labels: mergeOverrides(settings.labels, labels) } : settings),
    [settings, labels],
  );
  const { messageActions } = useLabels(labels);
  const panelRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const roving = useRovingTabStop(toolbarRef);
  const leading = useContext(ActionsLeadingContext);
  return (
    <div className={clsx("rfl-actions", className)} data-reveal={reveal}>
      <div
        ref={toolbarRef}
        role="toolbar"
        aria-label={messageActions}
        className="rfl-actions__bar"
        {...rest}
        onFocus={(event) => {
          // Both, always: a focus given back without its tooltip is marked handled, and still moves the tab stop.
          onFocus?.(event);
          roving.onFocus(event);
        }}
        onKeyDown={composeEventHandlers(onKeyDown, roving.onKeyDown)}
      >
        <WidgetSettingsContext.Provider value={scoped}>
          <ActionsPanelContext.Provider value={panelRef}>
            {leading}
            {children}
          </ActionsPanelContext.Provider>
        </WidgetSettingsContext.Provider>
      </div>
      <div ref={panelRef} className="rfl-actions__panel" />
    </div>
  );
}
