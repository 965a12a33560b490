import { clsx } from "clsx";
import { useEffect, useRef } from "react";
import { formatLabel } from "../labels/formatLabel";
import { visuallyHidden } from "../shared/visuallyHidden";
import { type UseFeedbackFormOptions, useFeedbackForm } from "./useFeedbackForm";

/** Props of `FeedbackForm`. */
export interface FeedbackFormProps extends UseFeedbackFormOptions {
  /** Moves the focus to the first chip (or the comment) when the form appears (default true). */
  autoFocus?: boolean;
  className?: string;
}

/**
 * The follow-up form after a vote: reason chips, an optional comment with a counter, submit and cancel.
 * `ThumbsFeedback` opens it for you; render it yourself to ask at another moment.
 *
 * @example
 * ```tsx
 * <FeedbackMessage messageId="m1">
 *   <FeedbackForm rating="down" reasons={["hallucination", { key: "outdated", label: "Out of date" }]} />
 * </FeedbackMessage>
 * ```
 */
export function FeedbackForm({ autoFocus = true, className, ...options }: FeedbackFormProps) {
  const form = useFeedbackForm(options);
  const { labels, status } = form;
  const formRef = useRef<HTMLFormElement>(null);
  const commentProps = form.getCommentProps();

  // The controls hide once sent; keep a keyboard user's focus in the form (on the form itself: the thank-you
  // is a live region, announced, and a status is not a place to tab to).
  useEffect(() => {
    if (status === "submitted" && formRef.current?.contains(document.activeElement)) formRef.current.focus();
  }, [status]);

  useEffect(() => {
    if (!autoFocus) return;
    formRef.current?.querySelector<HTMLElement>("button[aria-pressed], textarea")?.focus();
  }, [autoFocus]);

  return (
    <form ref={formRef} tabIndex={-1} className={clsx("rfl-form", className)} {...form.getFormProps()}>
      <p className="rfl-form-title" {...form.getTitleProps()}>
        {form.rating === "up" ? labels.formTitleUp : labels.formTitleDown}
      </p>
      {form.reasons.length > 0 && (
        <div className="rfl-reasons" {...form.getReasonGroupProps()}>
          {form.reasons.map((reason) => (
            <button key={reason.key} className="rfl-chip" data-reason={reason.key} {...form.getReasonProps(reason.key)}>
              {reason.label}
            </button>
          ))}
        </div>
      )}
      <div className="rfl-comment">
        <label className="rfl-comment-label" htmlFor={commentProps.id}>
          {labels.commentLabel}
        </label>
        <textarea className="rfl-comment-input" rows={3} {...commentProps} />
        <span className="rfl-counter" {...form.getCounterProps()}>
          {/* Seen as "12 / 500"; heard as "488 characters left", not as "12 slash 500". */}
          <span aria-hidden="true">
            {formatLabel(labels, labels.commentCount, { count: form.comment.length, max: form.commentMaxLength })}
          </span>
          <span style={visuallyHidden}>
            {formatLabel(labels, labels.commentRemaining, { count: form.commentMaxLength - form.comment.length })}
          </span>
        </span>
      </div>
      {status === "error" && (
        <p className="rfl-form-error" role="alert">
          {labels.submitError}
        </p>
      )}
      <div className="rfl-form-actions">
        <button className="rfl-button rfl-button-primary" {...form.getSubmitProps()}>
          {status === "submitting" ? labels.submitting : status === "error" ? labels.retry : labels.submit}
        </button>
        <button className="rfl-button" {...form.getCancelProps()}>
          {labels.cancel}
        </button>
      </div>
      <p role="status" className="rfl-form-status" style={status === "submitted" ? undefined : visuallyHidden}>
        {status === "submitted" ? labels.thanks : ""}
      </p>
    </form>
  );
}
