import { useCallback, useState } from "react";
import type { RegenerateEvent } from "../events/types";
import type { LabelOverrides } from "../labels/defaultLabels";
import { useLabels } from "../labels/useLabels";
import { type ActionButtonProps, actionButtonProps, type OwnButtonHandlers } from "../shared/actionButtonProps";
import { useLatest } from "../shared/useLatest";
import { usePendingAction } from "../shared/usePendingAction";
import { useWidgetScope } from "../shared/useWidgetEmit";

/** What the app's regenerate handler hears. */
export interface RegenerateRequest {
  messageId: string;
  /** 1 for the first regenerate of this message. */
  attempt: number;
  /** The answer being replaced, when the `FeedbackMessage` has `content`. */
  previousContent?: string;
  /** The `regenerate` event as sent (`null` when it was not sent). */
  event: RegenerateEvent | null;
}

/** idle, or pending while a handler's promise runs. */
export type RegenerateState = "idle" | "pending";

/** Options of `useRegenerate`. */
export interface UseRegenerateOptions {
  /** Asks the app for a new answer; if it returns a promise, the button is busy until it settles. */
  onRegenerate: (request: RegenerateRequest) => void | Promise<void>;
  /** The message; defaults to the enclosing `FeedbackMessage`. */
  messageId?: string;
  disabled?: boolean;
  labels?: LabelOverrides;
}

/** What `useRegenerate` returns. */
export interface UseRegenerateResult {
  state: RegenerateState;
  /** Regenerates of this message so far (0 before the first). */
  attempts: number;
  label: string;
  disabled: boolean;
  regenerate: () => Promise<void>;
  getButtonProps: (own?: OwnButtonHandlers) => ActionButtonProps<RegenerateState> & {
    "aria-busy": boolean;
    "aria-disabled": boolean | undefined;
    "data-attempts": number;
  };
}

/**
 * Regenerate for your own button: emits `regenerate` with the attempt number for the message (counted per
 * provider, across remounts) and `previousContent`, then calls your handler.
 *
 * @example
 * ```tsx
 * function MyRetry({ reload }: { reload: () => Promise<void> }) {
 *   const regenerate = useRegenerate({ onRegenerate: () => reload() });
 *   return <MyButton {...regenerate.getButtonProps()}>{regenerate.label}</MyButton>;
 * }
 * ```
 */
export function useRegenerate(options: UseRegenerateOptions): UseRegenerateResult {
  const { client, messageId, scope } = useWidgetScope("useRegenerate()", options.messageId);
  const labels = useLabels(options.labels);
  // Counted by the provider, so a button that mounts again for the new answer goes on counting.
  const [attempts, setAttempts] = useState(() => client.recall(messageId).attempts);
  const action = usePendingAction();
  const latest = useLatest({ options, messageId, scope });
  const disabled = Boolean(options.disabled);

  const { run } = action;
  const regenerate = useCallback(async () => {
    const outcome = await run(() => {
      const { options, messageId, scope } = latest.current;
      if (options.disabled) return;
      const attempt = client.recall(messageId).attempts + 1;
      setAttempts(attempt);
      const previousContent = scope.content;
      const event = client.emit(
        { type: "regenerate", attempt, ...(previousContent !== undefined ? { previousContent } : {}) },
        scope,
      );
      // A promise keeps the button busy until the new answer is there.
      return options.onRegenerate({
        messageId,
        attempt,
        event,
        ...(previousContent !== undefined ? { previousContent } : {}),
      });
    });
    // The app's own handler failed: its error is the app's to see, as if it had been called directly.
    if (outcome.status === "failed") throw outcome.error;
  }, [client, latest, run]);

  const state: RegenerateState = action.pending ? "pending" : "idle";
  const label = action.pending ? labels.regenerating : labels.regenerate;
  return {
    state,
    attempts,
    label,
    disabled,
    regenerate,
    getButtonProps: (own) => ({
      ...actionButtonProps(
        label,
        state,
        disabled,
        () => {
          void regenerate();
        },
        own,
      ),
      "aria-busy": action.pending,
      // Busy, not disabled: the focus stays on the button while the new answer comes.
      "aria-disabled": action.pending || undefined,
      "data-attempts": attempts,
    }),
  };
}
