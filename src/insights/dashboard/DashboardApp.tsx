import { useEffect, useRef, useState } from "react";
import { FeedbackInsights } from "../components/FeedbackInsights";
import { defaultInsightsLabels, type InsightsLabels } from "../labels";
import type { InsightsSummary } from "../types";

/** What the collector hands the page: the first summary, rendered on the server, and the page's settings. */
export interface DashboardProps {
  summary: InsightsSummary;
  /** Fields the data can be split by: `app`, `environment`, `metadata.<key>` seen in the store. */
  splitFields: string[];
  traceUrl?: string;
  /** Where events are stored, shown in the header: the file's path or the database (without its password). */
  storeName: string;
  labels?: Partial<InsightsLabels>;
}

type Selection = { from: string; to: string; splitBy: string };

const query = ({ from, to, splitBy }: Selection) => {
  const params = new URLSearchParams();
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  if (splitBy) params.set("splitBy", splitBy);
  return params.toString();
};

/**
 * The collector's dashboard page: a time range and a split, the insights for them, and live updates from the
 * collector's event stream (each new event costs the server only itself; the page gets the new summary).
 */
export function DashboardApp({ summary: initial, splitFields, traceUrl, storeName, labels }: DashboardProps) {
  const t = { ...defaultInsightsLabels, ...labels };
  const [selection, setSelection] = useState<Selection>({
    from: initial.from ?? "",
    to: initial.to ?? "",
    splitBy: initial.splitBy ?? "",
  });
  const [summary, setSummary] = useState(initial);
  const [live, setLive] = useState<"connecting" | "live" | "offline">("connecting");
  const first = useRef(true);

  useEffect(() => {
    const search = query(selection);
    // The first summary came with the page; a changed selection asks for its own.
    if (!first.current) {
      void fetch(`insights/summary?${search}`)
        .then((response) => (response.ok ? response.json() : null))
        .then((next: InsightsSummary | null) => next && setSummary(next));
    }
    first.current = false;
    const stream = new EventSource(`insights/stream?${search}`);
    stream.onopen = () => setLive("live");
    stream.onerror = () => setLive("offline");
    stream.onmessage = (message) => setSummary(JSON.parse(message.data) as InsightsSummary);
    return () => stream.close();
  }, [selection]);

  const download = (format: string) => `insights/download?${query({ ...selection, splitBy: "" })}&format=${format}`;
  return (
    <main className="rfl-dashboard">
      <header className="rfl-dashboard__header">
        <h1>{t.title}</h1>
        <p className="rfl-insights-chart__summary">
          {storeName} ·{" "}
          <span role="status">{live === "live" ? t.live : live === "offline" ? t.reconnecting : t.connecting}</span>
        </p>
      </header>
      <form className="rfl-insights-controls" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t.from}
          <input
            type="date"
            value={selection.from}
            onChange={(event) => setSelection((s) => ({ ...s, from: event.target.value }))}
          />
        </label>
        <label>
          {t.to}
          <input
            type="date"
            value={selection.to}
            onChange={(event) => setSelection((s) => ({ ...s, to: event.target.value }))}
          />
        </label>
        <label>
          {t.splitBy}
          <select
            value={selection.splitBy}
            onChange={(event) => setSelection((s) => ({ ...s, splitBy: event.target.value }))}
          >
            <option value="">{t.splitNothing}</option>
            {splitFields.map((field) => (
              <option key={field} value={field}>
                {field}
              </option>
            ))}
          </select>
        </label>
      </form>
      <FeedbackInsights summary={summary} traceUrl={traceUrl} downloadHref={download} labels={labels} />
    </main>
  );
}
