import { labels as en } from "../locales/en";

/**
 * A string with a count, one form per plural category of the language (`Intl.PluralRules`): English needs
 * `one` and `other`, Russian `one`, `few`, `many` and `other`, Arabic all six. `{count}` is replaced by the
 * number, formatted for the label set's `locale`.
 */
export type PluralLabel = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Every string the widgets show or announce, in one table: the thumbs, the form, copy, regenerate, the
 * action bar, the editor, the diff view, answer versions and the compare prompt. English by default; a shipped
 * translation replaces it whole (`import { labels } from "react-feedback-loop/locales/de"`), and any key can be overridden on
 * `FeedbackProvider` (`labels`), on `MessageActions`, or on one widget (`labels`).
 *
 * Numbers in `{count}` and `{max}` are formatted with `Intl.NumberFormat` for `locale`.
 */
export interface FeedbackLabels {
  /** The language of this table (BCP 47), for number and plural formatting. */
  locale: string;
  /** Accessible name of the `MessageActions` toolbar. */
  messageActions: string;
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
  /** The visible counter under the comment, e.g. "{count} / {max}" → "12 / 500". */
  commentCount: string;
  /** What screen readers hear for the counter: "{count} characters left". */
  commentRemaining: PluralLabel;
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
  /** The button that opens the editor of a message. */
  edit: string;
  /** The editor's accessible name. */
  editor: string;
  /** Shown under the editor. */
  editHint: string;
  save: string;
  /** Announced when an edit is saved. */
  editSaved: string;
  /** Announced when an edit is canceled. */
  editCanceled: string;
  /** Title of a collapsible `DiffView`. */
  diffTitle: string;
  /** Heard by screen readers before added text. */
  diffAdded: string;
  /** Heard by screen readers before removed text. */
  diffRemoved: string;
  /** The diff's summary: "{count} words added". */
  diffWordsAdded: PluralLabel;
  /** The diff's summary: "{count} words removed". */
  diffWordsRemoved: PluralLabel;
  /** Accessible name of the `AnswerVersions` stepper ("‹ 2 / 3 ›"). */
  answerVersions: string;
  /** The stepper's button to the earlier answer. */
  previousAnswer: string;
  /** The stepper's button to the later answer. */
  nextAnswer: string;
  /** The stepper's visible position, "{index} / {count}" → "2 / 3". */
  answerCount: string;
  /** The position as screen readers hear it, and announce on a change: "Answer {index} of {count}". */
  answerPosition: string;
  /** The question of `ComparePrompt`. */
  compareTitle: string;
  /** The heading over each answer in `ComparePrompt`: "Response {index}". */
  compareResponse: string;
  /** The button under each answer that chooses it (its name adds the answer's heading). */
  compareChoose: string;
  /** The button for neither being better. */
  compareTie: string;
  /** The button that closes the prompt without an answer. */
  compareSkip: string;
  /** Chip labels by reason key; a key with no label here shows the key itself. */
  reasons: Record<string, string>;
}

/** Overrides for some labels; `reasons` is merged key by key. */
export type LabelOverrides = Partial<Omit<FeedbackLabels, "reasons">> & { reasons?: Record<string, string> };

/**
 * The English defaults (the same table as `react-feedback-loop/locales/en`).
 *
 * @example
 * ```tsx
 * <FeedbackProvider sink={sink} labels={{ thumbUp: "Gute Antwort", reasons: { hallucination: "Erfunden" } }}>
 * ```
 */
export const defaultLabels: FeedbackLabels = en;

/** Two layers of overrides as one: the later wins, `reasons` merged key by key. */
export function mergeOverrides(first: LabelOverrides | undefined, second: LabelOverrides | undefined) {
  if (!first || !second) return first ?? second;
  return { ...first, ...second, reasons: { ...first.reasons, ...second.reasons } };
}

/** Defaults, then each layer of overrides in order (provider, then component). */
export function mergeLabels(...layers: (LabelOverrides | undefined)[]): FeedbackLabels {
  let merged = defaultLabels;
  for (const layer of layers) {
    if (layer) merged = mergeOverrides(merged, layer) as FeedbackLabels;
  }
  return merged;
}
