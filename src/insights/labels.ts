const plural = (n: number, one: string, other: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : other}`;
const percent = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)}%`);

/**
 * Every string the insights components and the collector's dashboard show or announce, in English. Pass
 * `labels` with any of them replaced to translate or reword; sentences with numbers are functions.
 */
export const defaultInsightsLabels = {
  title: "Feedback insights",
  volumeTitle: "Signals per day",
  thumbsTitle: "Thumbs-up share",
  errorModesTitle: "Negative feedback by error mode",
  editsTitle: "Edits",
  regenerateTitle: "Regenerates",
  abandonTitle: "Abandoned answers",
  copyTitle: "Copies by source",
  preferencesTitle: "Which answer was better",
  reviewTitle: "Answers worth a look",
  downloadsTitle: "Datasets for this range",
  showTable: "Show as table",
  hideTable: "Show as chart",
  noData: "No events in this range yet.",
  invalid: (n: number) => `${plural(n, "line was", "lines were")} not an event and skipped.`,
  events: (n: number, answers: number) =>
    `${plural(n, "event", "events")} about ${plural(answers, "answer", "answers")}.`,
  volumeSummary: (days: number, first: string, last: string, busiest: string, total: number) =>
    `${plural(days, "day", "days")} from ${first} to ${last}; the busiest was ${busiest} with ${plural(total, "signal", "signals")}.`,
  shareSummary: (group: string, share: string, low: string, high: string, up: number, down: number) =>
    `${group}: ${share} up (95% interval ${low}–${high}), ${up} up, ${down} down`,
  noVotes: (group: string) => `${group}: no votes`,
  regenerateSummary: (answers: number, rate: string) =>
    `${plural(answers, "answer was", "answers were")} regenerated (${rate} of answers).`,
  abandonSummary: (answers: number, rate: string) =>
    `${plural(answers, "answer was", "answers were")} shown and left untouched (${rate} of answers).`,
  editsSummary: (edits: number, accepted: string, median: string) =>
    `${plural(edits, "edit", "edits")}; ${accepted} accepted unchanged; median ${median} words changed.`,
  copySummary: (copies: number, rate: string) =>
    `${plural(copies, "copy", "copies")}; ${rate} of answers were copied from.`,
  preferencesSummary: (choices: number, compare: number, kept: number, ties: number) =>
    `${plural(choices, "choice", "choices")} between two answers: ${compare.toLocaleString("en-US")} asked side by side, ${kept.toLocaleString("en-US")} from the version kept; ${plural(ties, "tie", "ties")}.`,
  day: "Day",
  up: "Up",
  down: "Down",
  copy: "Copy",
  regenerate: "Regenerate",
  edit: "Edit",
  abandon: "Abandon",
  share: "Share",
  interval: "95% interval",
  count: "Count",
  group: "Group",
  overall: "All answers",
  reason: "Error mode",
  examples: "Example comments",
  viewTrace: "View trace",
  viewDiff: "Show the edit",
  draft: "Draft",
  final: "Final",
  acceptedShare: "Accepted unchanged",
  medianWordsChanged: "Median words changed",
  similarity: "Similarity to the draft",
  attempts: "Times asked again",
  regenerateRate: "Answers regenerated",
  abandonRate: "Answers left untouched",
  dwell: "Time on screen",
  copyRate: "Answers copied from",
  source: "Source",
  preferenceTies: "About the same",
  preferenceSources: { compare: "Asked side by side", kept: "Version kept" },
  preferenceStrengths: { clear: "Clear", slight: "Slight", tie: "About the same" },
  why: {
    "down-with-comment": "Down-voted with a comment",
    "heavily-edited": "Heavily edited",
    regenerated: "Regenerated three times or more",
  },
  download: (format: string) => `Download ${format}`,
  formats: { trl: "DPO pairs (TRL)", kto: "KTO rows", regression: "Regression set" },
  from: "From",
  to: "To",
  splitBy: "Split by",
  splitNothing: "Nothing",
  live: "Live",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  percent,
};

/** The insights components' strings. */
export type InsightsLabels = typeof defaultInsightsLabels;
