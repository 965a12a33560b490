/**
 * Every string the widgets show or announce. English defaults below; override any of them on
 * `FeedbackProvider` (`labels`) or on one widget (`labels`), e.g. to translate.
 */
export interface FeedbackLabels {
  /** Accessible name of the thumbs pair. */
  thumbsGroup: string;
  thumbUp: string;
  thumbDown: string;
  /** Title of the follow-up form after a thumbs-up. */
  formTitleUp: string;
  /** Title of the follow-up form after a thumbs-down. */
  formTitleDown: string;
  commentLabel: string;
  commentPlaceholder: string;
  /** The counter under the comment, e.g. "12 / 500". */
  commentCount: (length: number, max: number) => string;
  submit: string;
  submitting: string;
  cancel: string;
  retry: string;
  submitError: string;
  /** Shown and announced after the form is sent. */
  thanks: string;
  copy: string;
  /** Shown and announced for about 1.5 s after a copy. */
  copied: string;
  copyFailed: string;
  regenerate: string;
  regenerating: string;
  /** Chip labels by reason key; a key with no label here shows the key itself. */
  reasons: Record<string, string>;
}

/** Overrides for some labels; `reasons` is merged key by key. */
export type LabelOverrides = Partial<Omit<FeedbackLabels, "reasons">> & { reasons?: Record<string, string> };

/**
 * The English defaults.
 *
 * @example
 * ```tsx
 * <FeedbackProvider sink={sink} labels={{ thumbUp: "Gute Antwort", reasons: { hallucination: "Erfunden" } }}>
 * ```
 */
export const defaultLabels: FeedbackLabels = {
  thumbsGroup: "Rate this response",
  thumbUp: "Good response",
  thumbDown: "Bad response",
  formTitleUp: "What was good?",
  formTitleDown: "What went wrong?",
  commentLabel: "Comment (optional)",
  commentPlaceholder: "Tell us more",
  commentCount: (length, max) => `${length} / ${max}`,
  submit: "Submit",
  submitting: "Sending…",
  cancel: "Cancel",
  retry: "Try again",
  submitError: "Your feedback could not be sent.",
  thanks: "Thanks for your feedback",
  copy: "Copy",
  copied: "Copied",
  copyFailed: "Copy failed",
  regenerate: "Regenerate",
  regenerating: "Regenerating…",
  reasons: {
    // The contract's error modes, for a thumbs-down.
    hallucination: "Made things up",
    format: "Wrong format",
    refusal: "Refused or hedged",
    length: "Too long or too short",
    instructions: "Ignored my request",
    unsafe: "Unsafe or harmful",
    other: "Other",
    // What went right, for a thumbs-up.
    correct: "Correct",
    helpful: "Helpful",
    clear: "Clear",
    "well-formatted": "Well formatted",
  },
};

/** Defaults, then each layer of overrides in order (provider, then component). */
export function mergeLabels(...layers: (LabelOverrides | undefined)[]): FeedbackLabels {
  let merged = defaultLabels;
  for (const layer of layers) {
    if (!layer) continue;
    merged = { ...merged, ...layer, reasons: { ...merged.reasons, ...layer.reasons } };
  }
  return merged;
}
