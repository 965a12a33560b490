import type { PreferenceEvent } from "../events/types";

/** What `summarize` is asked for: a time range of whole UTC days and the field to split the figures by. */
export interface SummarizeOptions {
  /** First day counted, `YYYY-MM-DD` (UTC), inclusive. Omit for no lower bound. */
  from?: string;
  /** Last day counted, `YYYY-MM-DD` (UTC), inclusive. Omit for no upper bound. */
  to?: string;
  /**
   * The field whose values split the thumbs-up share: `"app"`, `"environment"` or `"metadata.<key>"` (a model,
   * a prompt version, an experiment arm). Omit for the overall figures only.
   */
  splitBy?: string;
  /** How many answers worth a look are kept per kind (default 10). */
  reviewLimit?: number;
}

/** The thumbs-up share of a group of answers, with its 95% Wilson interval and the counts behind it. */
export interface ThumbsShare {
  /** The split value, or `"all"` for the overall row. */
  group: string;
  up: number;
  down: number;
  /** up / (up + down); `null` when nobody voted. */
  share: number | null;
  /** The 95% Wilson interval's bounds; `null` when nobody voted. */
  low: number | null;
  high: number | null;
}

/** Each signal's count on one UTC day. */
export interface DayVolume {
  day: string;
  up: number;
  down: number;
  copy: number;
  regenerate: number;
  edit: number;
  abandon: number;
}

/** A bar of a histogram: the count of values from `min` (inclusive) to `max` (exclusive; `null` = no bound). */
export interface HistogramBin {
  label: string;
  min: number;
  max: number | null;
  count: number;
}

/** One error mode of the negative feedback. */
export interface ErrorModeRow {
  reason: string;
  count: number;
  /** Share of the down-votes that named any reason. */
  share: number;
  /** The latest comments given with this reason (at most three). */
  examples: ReviewLink[];
}

/** Where an answer can be looked at: its message, trace and, for an edit, the event holding the diff. */
export interface ReviewLink {
  messageId: string;
  ts: string;
  traceId?: string;
  comment?: string;
}

/** An answer worth a look, and why. */
export interface ReviewItem extends ReviewLink {
  why: "down-with-comment" | "heavily-edited" | "regenerated";
  reasons?: string[];
  /** For an edit: its similarity (0..1) and the event id whose `diff` shows the change. */
  similarity?: number;
  editEventId?: string;
  draft?: string;
  final?: string;
  /** For a regenerate: how many times the answer was asked again. */
  attempts?: number;
}

/** The choices of one source, by strength. */
export interface PreferenceSourceRow {
  source: PreferenceEvent["source"];
  count: number;
  clear: number;
  slight: number;
  tie: number;
}

/** Everything the dashboard shows, computed in one pass over the events. */
export interface InsightsSummary {
  from: string | null;
  to: string | null;
  splitBy: string | null;
  /** Events counted (inside the range). */
  events: number;
  /** Lines or rows that were not events of the contract: counted, never shown as data. */
  invalid: number;
  /** The fields these events can be split by: `app`, `environment` and each `metadata.<key>` seen (at most 50). */
  splitFields: string[];
  /** Distinct answers with at least one signal: the denominator of every rate (exact up to 10,000). */
  answers: number;
  days: DayVolume[];
  thumbs: { overall: ThumbsShare; bySplit: ThumbsShare[]; withdrawn: number };
  errorModes: ErrorModeRow[];
  edits: {
    count: number;
    acceptedUnchanged: number;
    acceptedShare: number | null;
    similarity: HistogramBin[];
    /** Median words added + removed per edit; `null` with no edits. */
    medianWordsChanged: number | null;
  };
  regenerate: {
    /** Answers asked again at least once. */
    answers: number;
    rate: number | null;
    /** Answers by how many times they were asked again: 1, 2, 3, 4+. */
    attempts: HistogramBin[];
  };
  abandon: { count: number; rate: number | null; dwell: HistogramBin[] };
  copy: {
    count: number;
    /** Answers copied from at least once, over all answers. */
    rate: number | null;
    bySource: { source: "button" | "selection" | "code"; count: number }[];
  };
  /** Choices between two answers (`preference` events), per source and by strength. */
  preferences: {
    count: number;
    /** Of `count`, the choices that said "about the same". */
    ties: number;
    /** `compare` (asked side by side) and `kept` (the version the user went back to), always both, in that order. */
    bySource: PreferenceSourceRow[];
  };
  review: ReviewItem[];
}
