import { type MouseEvent, useCallback, useRef, useState } from "react";
import type { RegenerateEvent } from "../events/types";
import type { LabelOverrides } from "../labels/defaultLabels";
import { useLabels } from "../labels/useLabels";
import { composeEventHandlers } from "../shared/composeEventHandlers";
import { useWidgetEmit } from "../shared/useWidgetEmit";
import { attemptsSoFar, nextAttempt } from "./attemptCounter";

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
  getButtonProps: (own?: { onClick?: (event: MouseEvent<HTMLButtonElement>) => void }) => {
    type: "button";
    "aria-label": string;
    "aria-busy": boolean;
    "aria-disabled": boolean | undefined;
    "data-state": RegenerateState;
    "data-attempts": number;
    disabled: boolean | undefined;
    onClick: (event: MouseEvent<HTMLButtonElement>) => void;
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
  const { client, emit, messageId, scope } = useWidgetEmit("useRegenerate()", options.messageId);
  const labels = useLabels(options.labels);
  const [state, setState] = useState<RegenerateState>("idle");
  const [attempts, setAttempts] = useState(() => attemptsSoFar(client, messageId));
  const latest = useRef({ options, messageId, scope, state });
  latest.current = { options, messageId, scope, state };
  const disabled = Boolean(options.disabled);

  const regenerate = useCallback(async () => {
    const { options, messageId, scope, state } = latest.current;
    if (options.disabled || state === "pending") return;
    const attempt = nextAttempt(client, messageId);
    setAttempts(attempt);
    const previousContent = scope.content;
    const event = emit({
      type: "regenerate",
      attempt,
      ...(previousContent !== undefined ? { previousContent } : {}),
    }) as RegenerateEvent | null;
    const pending = options.onRegenerate({
      messageId,
      attempt,
      event,
      ...(previousContent !== undefined ? { previousContent } : {}),
    });
    if (!pending || typeof pending.then !== "function") return;
    setState("pending");
    latest.current.state = "pending";
    try {
      await pending;
    } finally {
      setState("idle");
    }
  }, [client, emit]);

  const label = state === "pending" ? labels.regenerating : labels.regenerate;
  return {
    state,
    attempts,
    label,
    disabled,
    regenerate,
    getButtonProps: (own = {}) => ({
      type: "button",
      "aria-label": label,
      "aria-busy": state === "pending",
      // Busy, not disabled: the focus stays on the button while the new answer comes.
      "aria-disabled": state === "pending" || undefined,
      "data-state": state,
      "data-attempts": attempts,
      disabled: disabled || undefined,
      onClick: composeEventHandlers(own.onClick, () => {
        void regenerate();
      }),
    }),
  };
}
