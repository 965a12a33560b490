import { defaultInsightsLabels } from "../labels";
import { traceHref } from "../traceLink";
import { BarChart } from "./BarChart";
import { ChartFrame } from "./ChartFrame";
import type { InsightsChartProps } from "./charts";

export interface LinkedChartProps extends InsightsChartProps {
  /** Where a trace opens: a URL template with `{traceId}`, e.g. `https://cloud.langfuse.com/project/P/traces/{traceId}`. */
  traceUrl?: string;
}

/**
 * Down-votes by error mode: count and share, with the latest comments for each, linked to their traces.
 *
 * @example
 * <ErrorModesChart summary={summary} traceUrl="https://cloud.langfuse.com/project/P/traces/{traceId}" />
 */
export function ErrorModesChart({ summary, labels, traceUrl }: LinkedChartProps) {
  const t = { ...defaultInsightsLabels, ...labels };
  const rows = summary.errorModes;
  return (
    <div className="rfl-insights-stack">
      <ChartFrame
        title={t.errorModesTitle}
        labels={labels}
        summary={
          rows.length === 0
            ? t.noData
            : rows.map((row) => `${row.reason}: ${row.count} (${t.percent(row.share)})`).join("; ")
        }
        points={rows.map((row) => ({ text: `${row.reason}: ${row.count} (${t.percent(row.share)})` }))}
        table={{
          columns: [t.reason, t.count, t.share],
          rows: rows.map((row) => [row.reason, row.count, t.percent(row.share)]),
        }}
      >
        {(active, setActive, width) => (
          <BarChart
            categories={rows.map((row) => row.reason)}
            series={[{ key: "count", label: t.count, values: rows.map((row) => row.count) }]}
            active={active}
            onActive={setActive}
            width={width}
          />
        )}
      </ChartFrame>
      {rows.some((row) => row.examples.length > 0) && (
        <section className="rfl-insights-examples" aria-label={t.examples}>
          <h3>{t.examples}</h3>
          <dl>
            {rows
              .filter((row) => row.examples.length > 0)
              .map((row) => (
                <div key={row.reason}>
                  <dt>{row.reason}</dt>
                  {row.examples.map((example) => {
                    const href = traceHref(traceUrl, example.traceId);
                    return (
                      <dd key={`${example.messageId}-${example.ts}`}>
                        <q>{example.comment}</q>{" "}
                        {href && (
                          <a href={href} target="_blank" rel="noreferrer noopener">
                            {t.viewTrace}
                            <span className="rfl-insights-visually-hidden"> {example.messageId}</span>
                          </a>
                        )}
                      </dd>
                    );
                  })}
                </div>
              ))}
          </dl>
        </section>
      )}
    </div>
  );
}
