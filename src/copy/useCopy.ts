import { useCallback, useContext, useRef, useState } from "react";
import type { CopyEvent } from "../events/types";
import type { LabelOverrides } from "../labels/defaultLabels";
import { useLabels } from "../labels/useLabels";
import { type ActionButtonProps, actionButtonProps, type OwnButtonHandlers } from "../shared/actionButtonProps";
import { useLatest } from "../shared/useLatest";
import { usePendingAction } from "../shared/usePendingAction";
import { useWidgetScope } from "../shared/useWidgetEmit";
import { WidgetSettingsContext } from "../shared/WidgetSettings";
import { writeClipboard } from "./writeClipboard";

/** How long "Copied" (or "Copy failed") stays, in milliseconds. */
export const COPIED_MS = 1500;

/** idle, or copied / failed for `COPIED_MS` after a click. */
export type CopyState = "idle" | "copied" | "failed";

/** Options of `useCopy`. */
export interface UseCopyOptions {
  /** What to copy; defaults to the enclosing `FeedbackMessage`'s `content`. */
  text?: string;
  /** `"code"` for a code block's copy button (default `"button"`). */
  source?: "button" | "code";
  /** Put the copied text into the event (default: the provider's `includeCopiedText`, else false). */
  includeText?: boolean;
  /** The message; defaults to the enclosing `FeedbackMessage`. */
  messageId?: string;
  disabled?: boolean;
  /** After a successful copy, with the `copy` event as sent (`null` when it was not sent). */
  onCopied?: (event: CopyEvent | null) => void;
  labels?: LabelOverrides;
  /**
   * Say "Copied" or "Copy failed" to screen readers through the provider's live region (`CopyButton` does).
   * Default false: your own button shows its state, and may say it in its own words.
   */
  announce?: boolean;
}

/** What `useCopy` returns. */
export interface UseCopyResult {
  state: CopyState;
  /** True when there is nothing to copy, or `disabled` was set. */
  disabled: boolean;
  /** The label for the current state: "Copy", "Copied" or "Copy failed". */
  label: string;
  /** Copies and emits; call it inside a click. Resolves to whether the text was copied. */
  copy: () => Promise<boolean>;
  getButtonProps: (own?: OwnButtonHandlers) => ActionButtonProps<CopyState>;
}

/**
 * Copy to the clipboard with a short "Copied" state, for your own button. Emits `copy` with
 * `source: "button"` (or `"code"`), the copied length and its share of the message.
 *
 * @example
 * ```tsx
 * function MyCopy() {
 *   const copy = useCopy();
 *   return <MyButton {...copy.getButtonProps()}>{copy.label}</MyButton>;
 * }
 * ```
 */
export function useCopy(options: UseCopyOptions = {}): UseCopyResult {
  const { client, scope } = useWidgetScope("useCopy()", options.messageId);
  const { includeCopiedText, announce } = useContext(WidgetSettingsContext);
  const labels = useLabels(options.labels);
  const [state, setState] = useState<CopyState>("idle");
  const action = usePendingAction();
  const text = options.text ?? scope.content;
  const disabled = Boolean(options.disabled) || !text;
  const latest = useLatest({ options, text, scope, labels, includeCopiedText });
  // "Copied" goes back to "Copy" on a timer the click starts: no effect per button on a page of a thousand.
  // A timer that fires after an unmount sets the state of nothing, which React ignores.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const show = useCallback(
    (next: Exclude<CopyState, "idle">) => {
      const { options, labels } = latest.current;
      setState(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setState("idle"), COPIED_MS);
      if (options.announce) announce?.(next === "copied" ? labels.copied : labels.copyFailed);
    },
    [announce, latest],
  );

  const { run } = action;
  const copy = useCallback(async () => {
    const { options, text, scope, includeCopiedText } = latest.current;
    if (!text || options.disabled) return false;
    let copied = false;
    await run(async () => {
      // First thing in the click: the browser allows the write only during the user gesture.
      copied = await writeClipboard(text);
      if (!copied) {
        show("failed");
        return;
      }
      const includeText = options.includeText ?? includeCopiedText ?? false;
      const { content } = scope;
      const event = client.emit(
        {
          type: "copy",
          source: options.source ?? "button",
          chars: text.length,
          fraction: content ? Math.min(1, text.length / Math.max(1, content.length)) : 1,
          ...(includeText ? { text } : {}),
        },
        scope,
      );
      show("copied");
      options.onCopied?.(event);
    });
    return copied;
  }, [client, latest, run, show]);

  const label = state === "copied" ? labels.copied : state === "failed" ? labels.copyFailed : labels.copy;
  return {
    state,
    disabled,
    label,
    copy,
    getButtonProps: (own) =>
      actionButtonProps(
        label,
        state,
        disabled,
        () => {
          void copy();
        },
        own,
      ),
  };
}
