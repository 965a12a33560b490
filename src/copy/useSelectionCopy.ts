import { type ClipboardEvent, useContext } from "react";
import { FeedbackClientContext, type FeedbackMessageScope } from "../provider/context";
import { WidgetSettingsContext } from "../shared/WidgetSettings";

// Copies from these are the user's own text or our controls (the thumbs, and the panel its form and thank-you
// open in), not the message.
const NOT_MESSAGE_TEXT =
  "input, textarea, select, [contenteditable=''], [contenteditable='true'], [data-rfl-widget], .rfl-thumbs-feedback, .rfl-actions__panel";

/**
 * The `onCopy` handler `FeedbackMessage` puts on its element: a native copy (Ctrl/Cmd+C, the context menu) of
 * a selection inside the message emits `copy` with `source: "selection"`, or `"code"` when the selection
 * starts in a `pre` or `code` block. Outside a provider it does nothing.
 */
export function useSelectionCopy(scope: FeedbackMessageScope): (event: ClipboardEvent<HTMLElement>) => void {
  const client = useContext(FeedbackClientContext);
  const { includeCopiedText } = useContext(WidgetSettingsContext);
  // A new handler each render, not a stable one behind a ref: it only goes on the message's element, where
  // React swaps it at no cost, and a stable one would cost an effect per message in a long chat.
  return (event: ClipboardEvent<HTMLElement>) => {
    const target = event.target;
    if (!client || !(target instanceof Element) || target.closest(NOT_MESSAGE_TEXT)) return;
    const text = typeof window === "undefined" ? "" : (window.getSelection()?.toString() ?? "");
    if (!text) return;
    // Without the message text, the element's own text is the best measure of "the whole message".
    const whole = scope.content?.length ?? event.currentTarget.textContent?.length ?? text.length;
    client.emit(
      {
        type: "copy",
        source: target.closest("pre, code") ? "code" : "selection",
        chars: text.length,
        fraction: Math.min(1, text.length / Math.max(1, whole)),
        ...(includeCopiedText ? { text } : {}),
      },
      scope,
    );
  };
}
