import { round4 } from "../events/round4";
import type { FeedbackEvent, PreferenceEvent, PreferenceStrength } from "../events/types";
import { DistinctCounter } from "./distinctCounter";
import { binOf, DWELL, EDIT_SIZE, histogramBins, histogramMedian, SIMILARITY } from "./histogram";
import { KeepTop } from "./keepTop";
import { isReadableEvent } from "./readableEvent";
import { isSplitField, splitValue } from "./splitValue";
import type { DayVolume, InsightsSummary, ReviewItem, ReviewLink, SummarizeOptions, ThumbsShare } from "./types";
import { wilsonInterval } from "./wilson";

// Split values beyond this many are folded into one row, so a free-text metadata field cannot grow the summary.
const MAX_SPLIT_VALUES = 50;
const OTHER_VALUES = "(other)";
const MAX_SPLIT_FIELDS = 50;
const EXAMPLES_PER_MODE = 3;
// An edit below this similarity rewrote most of the answer.
const HEAVY_EDIT_SIMILARITY = 0.5;
// Asked again this many times: the answer kept failing.
const MANY_REGENERATES = 3;

/** Net votes of a group: answers whose standing vote is up, and down. */
export interface Votes {
  up: number;
  down: number;
}

/**
 * The raw counts a summary is made from: what one pass over events adds up, or what SQL aggregates over a
 * table (see `postgresInsights`). `summaryFrom` turns either into the same `InsightsSummary`.
 */
export interface SummaryCounts {
  events: number;
  invalid: number;
  answers: number;
  copiedAnswers: number;
  splitFields: string[];
  days: DayVolume[];
  overall: Votes;
  /** Split values in the order first seen (folding past 50 happens in `summaryFrom`). */
  bySplit: [group: string, votes: Votes][];
  withdrawn: number;
  /** Each reason's count and latest example comments. */
  reasons: [reason: string, count: number, examples: ReviewLink[]][];
  /** Down-votes that named at least one reason. */
  downWithReasons: number;
  edits: number;
  acceptedUnchanged: number;
  /** Per bin of `SIMILARITY`, `EDIT_SIZE` and `DWELL`. */
  similarity: number[];
  editSize: number[];
  dwell: number[];
  /** Regenerate events by attempt number (index 1 = first regenerate). */
  attempts: number[];
  abandons: number;
  copies: { button: number; selection: number; code: number };
  /** Preference events per source and strength. */
  preferences: PreferenceCounts;
  review: ReviewItem[];
}

/** Preference events counted per source and strength. */
export type PreferenceCounts = Record<PreferenceEvent["source"], Record<PreferenceStrength, number>>;

/** Every count of `PreferenceCounts` at zero. */
export function noPreferences(): PreferenceCounts {
  return { compare: { clear: 0, slight: 0, tie: 0 }, kept: { clear: 0, slight: 0, tie: 0 } };
}

const later = (a: ReviewLink, b: ReviewLink) => a.ts > b.ts;
const bump = (counts: number[], index: number) => {
  counts[index] = (counts[index] ?? 0) + 1;
};

/** The UTC day of an event's time, `YYYY-MM-DD`. */
export function dayOf(ts: string): string {
  return ts.endsWith("Z") ? ts.slice(0, 10) : new Date(ts).toISOString().slice(0, 10);
}

const withTrace = (link: ReviewLink, traceId: string | undefined): ReviewLink =>
  traceId === undefined ? link : { ...link, traceId };

/**
 * Adds events one at a time and reads the summary at any moment: the collector keeps one open and adds each new
 * event as it is stored, so a refresh costs only the new events. Memory stays flat: counters, fixed histograms,
 * bounded lists, and a distinct-answer count that turns into an estimate past 10,000 answers.
 *
 * Votes are counted from the contract's transitions: each rating event moves one answer from `previous` to
 * `value`, so the net count of `up` is the number of answers whose standing vote is up, with no table of answers.
 *
 * @example
 * const summarizer = createSummarizer({ splitBy: "metadata.model" });
 * for (const event of events) summarizer.add(event);
 * summarizer.summary().thumbs.bySplit; // one row per model, with its Wilson interval
 */
export function createSummarizer(options: SummarizeOptions = {}) {
  const splitBy = options.splitBy ?? null;
  if (splitBy !== null && !isSplitField(splitBy)) {
    throw new Error(`Cannot split by "${splitBy}": use "app", "environment" or "metadata.<key>".`);
  }
  const from = options.from ?? null;
  const to = options.to ?? null;
  const reviewLimit = options.reviewLimit ?? 10;

  let events = 0;
  let invalid = 0;
  let withdrawn = 0;
  const answers = new DistinctCounter();
  const splitFields = new Set<string>();
  const copiedAnswers = new DistinctCounter();
  const days = new Map<string, DayVolume>();
  const overall: Votes = { up: 0, down: 0 };
  const bySplit = new Map<string, Votes>();
  const reasonCounts = new Map<string, number>();
  const reasonExamples = new Map<string, KeepTop<ReviewLink>>();
  let downWithReasons = 0;
  let edits = 0;
  let acceptedUnchanged = 0;
  const similarity = SIMILARITY.edges.map(() => 0);
  const editSize = EDIT_SIZE.edges.map(() => 0);
  const dwell = DWELL.edges.map(() => 0);
  const attempts: number[] = [];
  let abandons = 0;
  const copies = { button: 0, selection: 0, code: 0 };
  const preferences = noPreferences();
  const downWithComment = new KeepTop<ReviewItem>(reviewLimit, later);
  const heavilyEdited = new KeepTop<ReviewItem>(reviewLimit, (a, b) => lessSimilar(a, b));
  const regenerated = new KeepTop<ReviewItem>(reviewLimit, later);

  // A store is written in time order and one answer's events come together: remembering the last day and the
  // last answer skips most map look-ups and hashes.
  let lastDay = "";
  let lastVolume: DayVolume | null = null;
  let lastAnswer = "";
  const dayVolume = (day: string): DayVolume => {
    if (day === lastDay && lastVolume) return lastVolume;
    let volume = days.get(day);
    if (!volume) {
      volume = { day, up: 0, down: 0, copy: 0, regenerate: 0, edit: 0, abandon: 0 };
      days.set(day, volume);
    }
    lastDay = day;
    lastVolume = volume;
    return volume;
  };

  const votesFor = (event: FeedbackEvent): Votes | null => {
    if (splitBy === null) return null;
    let group = splitValue(event, splitBy);
    // Folded as they arrive, so a free-text field cannot grow the map (summaryFrom folds SQL's rows the same way).
    if (!bySplit.has(group) && bySplit.size >= MAX_SPLIT_VALUES) group = OTHER_VALUES;
    let votes = bySplit.get(group);
    if (!votes) {
      votes = { up: 0, down: 0 };
      bySplit.set(group, votes);
    }
    return votes;
  };

  const move = (votes: Votes, value: "up" | "down" | null, step: number) => {
    if (value !== null) votes[value] += step;
  };

  function add(event: FeedbackEvent): void {
    if (!isReadableEvent(event)) {
      invalid++;
      return;
    }
    const day = dayOf(event.ts);
    if ((from !== null && day < from) || (to !== null && day > to)) return;
    events++;
    // One answer's events share their fields: the split fields are read once per answer.
    if (event.messageId !== lastAnswer) {
      lastAnswer = event.messageId;
      answers.add(lastAnswer);
      if (event.app !== undefined) splitFields.add("app");
      if (event.environment !== undefined) splitFields.add("environment");
      if (event.metadata !== undefined && splitFields.size < MAX_SPLIT_FIELDS) {
        for (const key in event.metadata) splitFields.add(`metadata.${key}`);
      }
    }
    const volume = dayVolume(day);
    switch (event.type) {
      case "rating": {
        const { value, previous } = event;
        if (value !== previous) {
          if (value !== null) volume[value]++;
          else withdrawn++;
          move(overall, previous, -1);
          move(overall, value, 1);
          const votes = votesFor(event);
          if (votes) {
            move(votes, previous, -1);
            move(votes, value, 1);
          }
        }
        if (value === "down" && event.reasons && event.reasons.length > 0) {
          downWithReasons++;
          for (const reason of event.reasons) {
            reasonCounts.set(reason, (reasonCounts.get(reason) ?? 0) + 1);
            if (event.comment) {
              let examples = reasonExamples.get(reason);
              if (!examples) {
                examples = new KeepTop<ReviewLink>(EXAMPLES_PER_MODE, later);
                reasonExamples.set(reason, examples);
              }
              examples.offer(
                withTrace({ messageId: event.messageId, ts: event.ts, comment: event.comment }, event.traceId),
              );
            }
          }
        }
        if (value === "down" && event.comment) {
          const item: ReviewItem = {
            ...withTrace({ messageId: event.messageId, ts: event.ts, comment: event.comment }, event.traceId),
            why: "down-with-comment",
          };
          if (event.reasons && event.reasons.length > 0) item.reasons = event.reasons;
          downWithComment.offer(item);
        }
        break;
      }
      case "copy":
        volume.copy++;
        copies[event.source]++;
        copiedAnswers.add(event.messageId);
        break;
      case "regenerate": {
        volume.regenerate++;
        bump(attempts, event.attempt);
        if (event.attempt >= MANY_REGENERATES) {
          const kept = regenerated.find((item) => item.messageId === event.messageId);
          if (kept) kept.attempts = Math.max(kept.attempts ?? 0, event.attempt);
          else {
            regenerated.offer({
              ...withTrace({ messageId: event.messageId, ts: event.ts }, event.traceId),
              why: "regenerated",
              attempts: event.attempt,
            });
          }
        }
        break;
      }
      case "edit": {
        volume.edit++;
        edits++;
        if (event.accepted) acceptedUnchanged++;
        bump(similarity, binOf(SIMILARITY, event.stats.similarity));
        bump(editSize, binOf(EDIT_SIZE, event.stats.wordsAdded + event.stats.wordsRemoved));
        if (!event.accepted && event.stats.similarity < HEAVY_EDIT_SIMILARITY) {
          heavilyEdited.offer({
            ...withTrace({ messageId: event.messageId, ts: event.ts }, event.traceId),
            why: "heavily-edited",
            similarity: event.stats.similarity,
            editEventId: event.id,
            draft: event.draft,
            final: event.final,
          });
        }
        break;
      }
      case "abandon":
        volume.abandon++;
        abandons++;
        bump(dwell, binOf(DWELL, event.dwellMs));
        break;
      case "preference":
        preferences[event.source][event.strength]++;
        break;
    }
  }

  function counts(): SummaryCounts {
    return {
      events,
      invalid,
      answers: answers.count(),
      copiedAnswers: copiedAnswers.count(),
      splitFields: [...splitFields],
      days: [...days.values()],
      overall,
      bySplit: [...bySplit],
      withdrawn,
      reasons: [...reasonCounts].map(([reason, n]) => [reason, n, reasonExamples.get(reason)?.list() ?? []]),
      downWithReasons,
      edits,
      acceptedUnchanged,
      similarity,
      editSize,
      dwell,
      attempts,
      abandons,
      copies,
      preferences,
      review: [...downWithComment.list(), ...heavilyEdited.list(), ...regenerated.list()],
    };
  }

  return {
    add,
    /** Counts a line or row that was not an event at all (not JSON, cut off). */
    addInvalid(n = 1) {
      invalid += n;
    },
    summary: () => summaryFrom(counts(), options),
  };
}

/** True when `a` is the more heavily edited answer of two (lower similarity; the later one on a tie). */
export function lessSimilar(a: ReviewItem, b: ReviewItem): boolean {
  return (a.similarity as number) < (b.similarity as number) || (a.similarity === b.similarity && a.ts > b.ts);
}

function share(group: string, votes: Votes): ThumbsShare {
  const up = Math.max(0, votes.up);
  const down = Math.max(0, votes.down);
  const interval = wilsonInterval(up, up + down);
  return {
    group,
    up,
    down,
    share: up + down === 0 ? null : round4(up / (up + down)),
    low: interval?.low ?? null,
    high: interval?.high ?? null,
  };
}

/** Split values past the fiftieth first seen, folded into one row. */
function foldSplit(groups: [string, Votes][]): [string, Votes][] {
  if (groups.length <= MAX_SPLIT_VALUES) return groups;
  const other: Votes = { up: 0, down: 0 };
  for (const [, votes] of groups.slice(MAX_SPLIT_VALUES)) {
    other.up += votes.up;
    other.down += votes.down;
  }
  return [...groups.slice(0, MAX_SPLIT_VALUES), [OTHER_VALUES, other]];
}

/** The summary the dashboard shows, from the counts of one pass or of SQL aggregates alike. */
export function summaryFrom(counts: SummaryCounts, options: SummarizeOptions = {}): InsightsSummary {
  const answerCount = counts.answers;
  const rate = (n: number) => (answerCount === 0 ? null : round4(n / answerCount));
  const attemptCount = (k: number) => counts.attempts[k] ?? 0;
  // The attempt numbers tell how far each answer got: as many reached attempt k as sent an event with it.
  const exactly = (k: number) => Math.max(0, attemptCount(k) - attemptCount(k + 1));
  const { copies } = counts;
  return {
    from: options.from ?? null,
    to: options.to ?? null,
    splitBy: options.splitBy ?? null,
    events: counts.events,
    invalid: counts.invalid,
    answers: answerCount,
    splitFields: [...counts.splitFields].sort(),
    days: [...counts.days].sort((a, b) => (a.day < b.day ? -1 : 1)),
    thumbs: {
      overall: share("all", counts.overall),
      bySplit: foldSplit(counts.bySplit)
        .map(([group, votes]) => share(group, votes))
        .sort((a, b) => a.group.localeCompare(b.group)),
      withdrawn: counts.withdrawn,
    },
    errorModes: [...counts.reasons]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([reason, n, examples]) => ({ reason, count: n, share: round4(n / counts.downWithReasons), examples })),
    edits: {
      count: counts.edits,
      acceptedUnchanged: counts.acceptedUnchanged,
      acceptedShare: counts.edits === 0 ? null : round4(counts.acceptedUnchanged / counts.edits),
      similarity: histogramBins(SIMILARITY, counts.similarity),
      medianWordsChanged: histogramMedian(EDIT_SIZE, counts.editSize),
    },
    regenerate: {
      answers: attemptCount(1),
      rate: rate(attemptCount(1)),
      attempts: [
        { label: "1", min: 1, max: 2, count: exactly(1) },
        { label: "2", min: 2, max: 3, count: exactly(2) },
        { label: "3", min: 3, max: 4, count: exactly(3) },
        { label: "4+", min: 4, max: null, count: attemptCount(4) },
      ],
    },
    abandon: { count: counts.abandons, rate: rate(counts.abandons), dwell: histogramBins(DWELL, counts.dwell) },
    copy: {
      count: copies.button + copies.selection + copies.code,
      rate: rate(counts.copiedAnswers),
      bySource: (["button", "selection", "code"] as const).map((source) => ({ source, count: copies[source] })),
    },
    preferences: preferenceRows(counts.preferences),
    review: counts.review,
  };
}

function preferenceRows(counts: PreferenceCounts): InsightsSummary["preferences"] {
  const bySource = (["compare", "kept"] as const).map((source) => {
    const { clear, slight, tie } = counts[source];
    return { source, count: clear + slight + tie, clear, slight, tie };
  });
  return {
    count: bySource.reduce((sum, row) => sum + row.count, 0),
    ties: bySource.reduce((sum, row) => sum + row.tie, 0),
    bySource,
  };
}

/** A summarizer: `add` events, `summary()` whenever a picture is needed. */
export type Summarizer = ReturnType<typeof createSummarizer>;

/**
 * Summarizes a stream of events (any iterable or async iterable, such as a store's reader) in one pass and flat
 * memory: the figures behind `<FeedbackInsights>`.
 *
 * @example
 * const summary = await summarize(events, { from: "2026-12-01", splitBy: "metadata.promptVersion" });
 * summary.thumbs.bySplit; // thumbs-up share per prompt version, with 95% intervals and the counts behind them
 */
export async function summarize(
  events: Iterable<FeedbackEvent> | AsyncIterable<FeedbackEvent>,
  options: SummarizeOptions = {},
): Promise<InsightsSummary> {
  const summarizer = createSummarizer(options);
  // A plain iterable is read without an await per event: a million microtasks cost more than the counting.
  if (Symbol.iterator in events) for (const event of events) summarizer.add(event);
  else for await (const event of events) summarizer.add(event);
  return summarizer.summary();
}
