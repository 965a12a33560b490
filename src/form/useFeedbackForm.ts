import {
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useId,
  useMemo,
  useState,
} from "react";
import type { RatingEvent } from "../events/types";
import type { FeedbackLabels, LabelOverrides } from "../labels/defaultLabels";
import { useLabels } from "../labels/useLabels";
import { composeEventHandlers } from "../shared/composeEventHandlers";
import { useLatest } from "../shared/useLatest";
import { usePendingAction } from "../shared/usePendingAction";
import { useWidgetEmit } from "../shared/useWidgetEmit";
import { cutComment } from "./cutComment";
import { DEFAULT_DOWN_REASONS, DEFAULT_UP_REASONS, type Reason, type ReasonOption, resolveReasons } from "./reasons";

/** idle → submitting (while the app's `onSubmit` runs) → submitted, or error (then retry). */
export type FeedbackFormStatus = "idle" | "submitting" | "submitted" | "error";

/** What the user filled in. */
export interface FeedbackFormValues {
  rating: "up" | "down";
  reasons: string[];
  /** Trimmed, cut at the limit; empty when none. */
  comment: string;
}

/** The default comment limit, in characters. */
export const DEFAULT_COMMENT_MAX_LENGTH = 500;

/** Options of `useFeedbackForm`. */
export interface UseFeedbackFormOptions {
  /** The vote the form follows up on. */
  rating: "up" | "down";
  /** The chips; defaults to the contract's error modes after "down", and a short positive list after "up". */
  reasons?: readonly ReasonOption[];
  /** Characters the comment may hold (default 500); longer input cannot be typed and is cut in the event. */
  commentMaxLength?: number;
  /**
   * The app's own handler, awaited before the event is emitted: while it runs the form is "submitting"; if it
   * throws or rejects the form shows an error and a retry. The `rating` event is emitted once it succeeds.
   */
  onSubmit?: (values: FeedbackFormValues) => void | Promise<void>;
  /** After a successful submit, with the `rating` event as sent (`null` when it was not sent). */
  onSubmitted?: (event: RatingEvent | null) => void;
  /** Cancel button or Escape: the vote stays as it is. */
  onCancel?: () => void;
  /** The message rated; defaults to the enclosing `FeedbackMessage`. */
  messageId?: string;
  labels?: LabelOverrides;
}

type OwnHandlers<E> = { onClick?: (event: MouseEvent<E>) => void };

/** What `useFeedbackForm` returns: state, actions, and prop getters for each part. */
export interface UseFeedbackFormResult {
  status: FeedbackFormStatus;
  rating: "up" | "down";
  reasons: Reason[];
  selected: string[];
  comment: string;
  commentMaxLength: number;
  labels: FeedbackLabels;
  toggleReason: (key: string) => void;
  setComment: (text: string) => void;
  submit: () => Promise<void>;
  cancel: () => void;
  getFormProps: () => {
    "aria-labelledby": string;
    "aria-busy": boolean;
    "data-state": FeedbackFormStatus;
    "data-rating": "up" | "down";
    noValidate: true;
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  };
  getTitleProps: () => { id: string };
  getReasonGroupProps: () => { role: "group"; "aria-labelledby": string };
  getReasonProps: (
    key: string,
    own?: OwnHandlers<HTMLButtonElement>,
  ) => {
    type: "button";
    "aria-pressed": boolean;
    "data-state": "on" | "off";
    disabled: boolean | undefined;
    onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  };
  getCommentProps: () => {
    id: string;
    value: string;
    maxLength: number;
    placeholder: string;
    "aria-describedby": string;
    disabled: boolean | undefined;
    onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  };
  getCounterProps: () => { id: string; "data-state": "ok" | "full" };
  getSubmitProps: () => { type: "submit"; "aria-disabled": boolean | undefined; "data-state": FeedbackFormStatus };
  getCancelProps: (own?: OwnHandlers<HTMLButtonElement>) => {
    type: "button";
    onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  };
}

/**
 * The follow-up form after a vote, headless: reason chips (multi-select), an optional comment with a limit,
 * submit and cancel. Submitting emits a `rating` with the same `feedbackKey` as the vote, now carrying
 * `reasons` and `comment` (`value` and `previous` both the vote: it has not changed).
 *
 * @example
 * ```tsx
 * function MyForm({ onClose }: { onClose: () => void }) {
 *   const form = useFeedbackForm({ rating: "down", onSubmitted: onClose, onCancel: onClose });
 *   return (
 *     <form {...form.getFormProps()}>
 *       <p {...form.getTitleProps()}>{form.labels.formTitleDown}</p>
 *       {form.reasons.map((reason) => (
 *         <button key={reason.key} {...form.getReasonProps(reason.key)}>{reason.label}</button>
 *       ))}
 *       <textarea {...form.getCommentProps()} aria-label="Comment" />
 *       <button {...form.getSubmitProps()}>Send</button>
 *     </form>
 *   );
 * }
 * ```
 */
export function useFeedbackForm(options: UseFeedbackFormOptions): UseFeedbackFormResult {
  const { rating } = options;
  const { emit } = useWidgetEmit("useFeedbackForm()", options.messageId);
  const labels = useLabels(options.labels);
  const commentMaxLength = Math.max(0, options.commentMaxLength ?? DEFAULT_COMMENT_MAX_LENGTH);
  const reasonOptions = options.reasons ?? (rating === "up" ? DEFAULT_UP_REASONS : DEFAULT_DOWN_REASONS);
  const reasons = useMemo(() => resolveReasons(reasonOptions, labels), [reasonOptions, labels]);

  const action = usePendingAction();
  const [ended, setEnded] = useState<"submitted" | "error" | null>(null);
  const status: FeedbackFormStatus = action.pending ? "submitting" : (ended ?? "idle");
  const [selected, setSelected] = useState<string[]>([]);
  const [comment, setCommentState] = useState("");
  const id = useId();
  const ids = { title: `${id}-title`, comment: `${id}-comment`, counter: `${id}-counter` };

  // The newest values and handlers, read by `submit`, which may run after an await.
  const latest = useLatest({ selected, comment, options });

  const toggleReason = useCallback((key: string) => {
    setSelected((current) => (current.includes(key) ? current.filter((k) => k !== key) : [...current, key]));
  }, []);
  const setComment = useCallback(
    (text: string) => setCommentState(cutComment(text, commentMaxLength)),
    [commentMaxLength],
  );

  const { run } = action;
  const submit = useCallback(async () => {
    const { selected, comment, options } = latest.current;
    const values: FeedbackFormValues = {
      rating,
      // Chip order, not click order: the same choice is always stored the same way.
      reasons: reasons.map((reason) => reason.key).filter((key) => selected.includes(key)),
      comment: cutComment(comment.trim(), commentMaxLength),
    };
    // The app's handler first: the event says what the app accepted.
    const outcome = await run(() => options.onSubmit?.(values));
    if (outcome.status === "busy") return;
    if (outcome.status === "failed") {
      setEnded("error");
      return;
    }
    const event = emit({
      type: "rating",
      value: rating,
      previous: rating,
      reasons: values.reasons,
      ...(values.comment ? { comment: values.comment } : {}),
    });
    setEnded("submitted");
    latest.current.options.onSubmitted?.(event);
  }, [emit, latest, run, rating, reasons, commentMaxLength]);

  const cancel = useCallback(() => latest.current.options.onCancel?.(), [latest]);
  const busy = status === "submitting";

  return {
    status,
    rating,
    reasons,
    selected,
    comment,
    commentMaxLength,
    labels,
    toggleReason,
    setComment,
    submit,
    cancel,
    getFormProps: () => ({
      "aria-labelledby": ids.title,
      "aria-busy": busy,
      "data-state": status,
      "data-rating": rating,
      noValidate: true,
      onSubmit: (event) => {
        event.preventDefault();
        void submit();
      },
      onKeyDown: (event) => {
        if (event.key === "Escape" && !event.defaultPrevented) {
          event.preventDefault();
          cancel();
        }
      },
    }),
    getTitleProps: () => ({ id: ids.title }),
    getReasonGroupProps: () => ({ role: "group", "aria-labelledby": ids.title }),
    getReasonProps: (key, own = {}) => ({
      type: "button",
      "aria-pressed": selected.includes(key),
      "data-state": selected.includes(key) ? "on" : "off",
      disabled: busy || undefined,
      onClick: composeEventHandlers(own.onClick, () => toggleReason(key)),
    }),
    getCommentProps: () => ({
      id: ids.comment,
      value: comment,
      maxLength: commentMaxLength,
      placeholder: labels.commentPlaceholder,
      "aria-describedby": ids.counter,
      disabled: busy || undefined,
      onChange: (event) => setComment(event.target.value),
    }),
    getCounterProps: () => ({ id: ids.counter, "data-state": comment.length >= commentMaxLength ? "full" : "ok" }),
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus while sending.
    getSubmitProps: () => ({ type: "submit", "aria-disabled": busy || undefined, "data-state": status }),
    getCancelProps: (own = {}) => ({ type: "button", onClick: composeEventHandlers(own.onClick, cancel) }),
  };
}
