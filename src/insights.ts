// The insights entry: the figures behind the collector's dashboard, and the React components that draw them.
// Never part of the widgets' bundle: an app imports it only on the page that shows the dashboard.

export { AnswersToReview } from "./insights/components/AnswersToReview";
export { ChartFrame, type ChartFrameProps, type ChartPoint, type ChartTable } from "./insights/components/ChartFrame";
export {
  AbandonChart,
  CopyChart,
  EditsChart,
  type InsightsChartProps,
  PreferencesChart,
  RegenerateChart,
  SignalVolumeChart,
  ThumbsShareChart,
} from "./insights/components/charts";
export { ErrorModesChart, type LinkedChartProps } from "./insights/components/ErrorModesChart";
export {
  FeedbackInsights,
  type FeedbackInsightsProps,
  type InsightsDownloadFormat,
} from "./insights/components/FeedbackInsights";
export { defaultInsightsLabels, type InsightsLabels } from "./insights/labels";
export { createSummarizer, type Summarizer, summarize } from "./insights/summarize";
export { TRACE_PLACEHOLDER, traceHref } from "./insights/traceLink";
export type * from "./insights/types";
export { wilsonInterval } from "./insights/wilson";
