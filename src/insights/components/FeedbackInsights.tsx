import { defaultInsightsLabels } from "../labels";
import { AnswersToReview } from "./AnswersToReview";
import {
  AbandonChart,
  CopyChart,
  EditsChart,
  PreferencesChart,
  RegenerateChart,
  SignalVolumeChart,
  ThumbsShareChart,
} from "./charts";
import { ErrorModesChart, type LinkedChartProps } from "./ErrorModesChart";

/** The dataset files the dashboard offers for the current range. */
export type InsightsDownloadFormat = "trl" | "kto" | "regression";

export interface FeedbackInsightsProps extends LinkedChartProps {
  /** The URL of each dataset file for the current range; without it no download buttons are shown. */
  downloadHref?: (format: InsightsDownloadFormat) => string;
}

/**
 * The whole picture of what users think of the answers: volumes, the thumbs-up share per split with honest
 * intervals, error modes, edits, regenerates, abandonment, copies, choices between two answers (when there are
 * any), the answers worth a look and the dataset files. Every chart is also exported on its own. Renders on the server as in the browser.
 *
 * @example
 * import { summarize, FeedbackInsights } from "react-feedback-loop/insights";
 * import "react-feedback-loop/styles.css";
 * import "react-feedback-loop/insights.css";
 *
 * const summary = await summarize(readEvents(), { splitBy: "metadata.model" });
 * <FeedbackInsights summary={summary} traceUrl="https://cloud.langfuse.com/project/P/traces/{traceId}" />
 */
export function FeedbackInsights({ summary, labels, traceUrl, downloadHref }: FeedbackInsightsProps) {
  const t = { ...defaultInsightsLabels, ...labels };
  const shared = { summary, labels };
  return (
    <div className="rfl-insights">
      <p className="rfl-insights-totals">
        {t.events(summary.events, summary.answers)}
        {summary.invalid > 0 && <span className="rfl-insights-warning"> {t.invalid(summary.invalid)}</span>}
      </p>
      {downloadHref && (
        <nav className="rfl-insights-downloads" aria-label={t.downloadsTitle}>
          {(["trl", "kto", "regression"] as const).map((format) => (
            <a key={format} className="rfl-insights-button" href={downloadHref(format)} download>
              {t.download(t.formats[format])}
            </a>
          ))}
        </nav>
      )}
      <div className="rfl-insights-grid">
        <SignalVolumeChart {...shared} />
        <ThumbsShareChart {...shared} />
        <ErrorModesChart {...shared} traceUrl={traceUrl} />
        <EditsChart {...shared} />
        <RegenerateChart {...shared} />
        <AbandonChart {...shared} />
        <CopyChart {...shared} />
        {/* Only where the app asks which answer is better or keeps versions: an empty chart would be noise. */}
        {summary.preferences.count > 0 && <PreferencesChart {...shared} />}
      </div>
      <AnswersToReview {...shared} traceUrl={traceUrl} />
    </div>
  );
}
