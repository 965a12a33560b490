import type { ReactNode } from "react";
import type { InsightsLabels } from "../labels";
import { defaultInsightsLabels } from "../labels";
import type { HistogramBin, InsightsSummary } from "../types";
import { BarChart } from "./BarChart";
import { ChartFrame } from "./ChartFrame";
import { IntervalChart } from "./IntervalChart";

/** Props every chart takes: the summary from `summarize`, and labels to translate or reword. */
export interface InsightsChartProps {
  summary: InsightsSummary;
  labels?: Partial<InsightsLabels>;
}

const text = (labels?: Partial<InsightsLabels>): InsightsLabels => ({ ...defaultInsightsLabels, ...labels });

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <p className="rfl-insights-figure">
      <span className="rfl-insights-figure__value">{value}</span> <span>{label}</span>
    </p>
  );
}

function HistogramChart({
  title,
  bins,
  unit,
  labels,
  figures,
  summaryText,
}: {
  title: string;
  bins: HistogramBin[];
  unit: string;
  labels?: Partial<InsightsLabels>;
  figures?: ReactNode;
  summaryText: string;
}) {
  const t = text(labels);
  return (
    <ChartFrame
      title={title}
      summary={summaryText}
      labels={labels}
      figures={figures}
      points={bins.map((bin) => ({ text: `${bin.label}: ${bin.count}` }))}
      table={{ columns: [unit, t.count], rows: bins.map((bin) => [bin.label, bin.count]) }}
    >
      {(active, setActive, width) => (
        <BarChart
          categories={bins.map((bin) => bin.label)}
          series={[{ key: "count", label: t.count, values: bins.map((bin) => bin.count) }]}
          active={active}
          onActive={setActive}
          width={width}
        />
      )}
    </ChartFrame>
  );
}

/**
 * Each signal's volume per day, stacked: votes up and down, copies, regenerates, edits and abandons.
 *
 * @example
 * <SignalVolumeChart summary={await summarize(events)} />
 */
export function SignalVolumeChart({ summary, labels }: InsightsChartProps) {
  const t = text(labels);
  const signals = [
    ["up", t.up],
    ["down", t.down],
    ["copy", t.copy],
    ["regenerate", t.regenerate],
    ["edit", t.edit],
    ["abandon", t.abandon],
  ] as const;
  const busiest = summary.days.reduce<{ day: string; total: number } | null>((best, day) => {
    const total = signals.reduce((sum, [key]) => sum + day[key], 0);
    return best === null || total > best.total ? { day: day.day, total } : best;
  }, null);
  return (
    <ChartFrame
      title={t.volumeTitle}
      labels={labels}
      summary={
        busiest === null
          ? t.noData
          : t.volumeSummary(
              summary.days.length,
              summary.days[0]?.day ?? "",
              summary.days.at(-1)?.day ?? "",
              busiest.day,
              busiest.total,
            )
      }
      points={summary.days.map((day) => ({
        text: `${day.day}: ${signals.map(([key, label]) => `${label} ${day[key]}`).join(", ")}`,
      }))}
      table={{
        columns: [t.day, ...signals.map(([, label]) => label)],
        rows: summary.days.map((day) => [day.day, ...signals.map(([key]) => day[key])]),
      }}
    >
      {(active, setActive, width) => (
        <BarChart
          categories={summary.days.map((day) => day.day.slice(5))}
          series={signals.map(([key, label]) => ({ key, label, values: summary.days.map((day) => day[key]) }))}
          active={active}
          onActive={setActive}
          width={width}
        />
      )}
    </ChartFrame>
  );
}

/**
 * The thumbs-up share with its 95% Wilson interval, overall and per split value, with the votes behind each.
 *
 * @example
 * <ThumbsShareChart summary={await summarize(events, { splitBy: "metadata.promptVersion" })} />
 */
export function ThumbsShareChart({ summary, labels }: InsightsChartProps) {
  const t = text(labels);
  const rows = [
    { ...summary.thumbs.overall, label: t.overall },
    ...summary.thumbs.bySplit.map((row) => ({ ...row, label: row.group })),
  ];
  const describe = (row: (typeof rows)[number]) =>
    row.share === null
      ? t.noVotes(row.label)
      : t.shareSummary(row.label, t.percent(row.share), t.percent(row.low), t.percent(row.high), row.up, row.down);
  return (
    <ChartFrame
      title={t.thumbsTitle}
      labels={labels}
      summary={rows.map(describe).join("; ")}
      points={rows.map((row) => ({ text: describe(row) }))}
      table={{
        columns: [summary.splitBy ?? t.group, t.share, t.interval, t.up, t.down],
        rows: rows.map((row) => [
          row.label,
          t.percent(row.share),
          row.low === null ? "–" : `${t.percent(row.low)}–${t.percent(row.high)}`,
          row.up,
          row.down,
        ]),
      }}
    >
      {(active, setActive, width) => <IntervalChart rows={rows} active={active} onActive={setActive} width={width} />}
    </ChartFrame>
  );
}

/** Answers asked again, by how many times, and the share of answers regenerated at least once. */
export function RegenerateChart({ summary, labels }: InsightsChartProps) {
  const t = text(labels);
  return (
    <HistogramChart
      title={t.regenerateTitle}
      bins={summary.regenerate.attempts}
      unit={t.attempts}
      labels={labels}
      summaryText={t.regenerateSummary(summary.regenerate.answers, t.percent(summary.regenerate.rate))}
      figures={<Figure label={t.regenerateRate} value={t.percent(summary.regenerate.rate)} />}
    />
  );
}

/** How long untouched answers stayed on screen, and the share of answers left untouched. */
export function AbandonChart({ summary, labels }: InsightsChartProps) {
  const t = text(labels);
  return (
    <HistogramChart
      title={t.abandonTitle}
      bins={summary.abandon.dwell}
      unit={t.dwell}
      labels={labels}
      summaryText={t.abandonSummary(summary.abandon.count, t.percent(summary.abandon.rate))}
      figures={<Figure label={t.abandonRate} value={t.percent(summary.abandon.rate)} />}
    />
  );
}

/** Edits' similarity to the draft, the share accepted unchanged, and the median edit size. */
export function EditsChart({ summary, labels }: InsightsChartProps) {
  const t = text(labels);
  const { edits } = summary;
  return (
    <HistogramChart
      title={t.editsTitle}
      bins={edits.similarity}
      unit={t.similarity}
      labels={labels}
      summaryText={t.editsSummary(edits.count, t.percent(edits.acceptedShare), String(edits.medianWordsChanged ?? "–"))}
      figures={
        <>
          <Figure label={t.acceptedShare} value={t.percent(edits.acceptedShare)} />
          <Figure label={t.medianWordsChanged} value={edits.medianWordsChanged ?? "–"} />
        </>
      }
    />
  );
}

/** Copies by source (button, selection, code block) and the share of answers copied from. */
export function CopyChart({ summary, labels }: InsightsChartProps) {
  const t = text(labels);
  const bins = summary.copy.bySource.map(({ source, count }) => ({ label: source, min: 0, max: null, count }));
  return (
    <HistogramChart
      title={t.copyTitle}
      bins={bins}
      unit={t.source}
      labels={labels}
      summaryText={t.copySummary(summary.copy.count, t.percent(summary.copy.rate))}
      figures={<Figure label={t.copyRate} value={t.percent(summary.copy.rate)} />}
    />
  );
}

/**
 * Choices between two answers: asked side by side (`compare`) and inferred from the version the user kept
 * (`kept`), each stacked by strength (clear, slight, about the same), and how many were ties.
 *
 * @example
 * <PreferencesChart summary={await summarize(events)} />
 */
export function PreferencesChart({ summary, labels }: InsightsChartProps) {
  const t = text(labels);
  const { preferences } = summary;
  const strengths = ["clear", "slight", "tie"] as const;
  const rows = preferences.bySource.map((row) => ({ ...row, label: t.preferenceSources[row.source] }));
  const describe = (row: (typeof rows)[number]) =>
    `${row.label}: ${row.count} (${strengths.map((strength) => `${t.preferenceStrengths[strength]} ${row[strength]}`).join(", ")})`;
  const [compare, kept] = preferences.bySource;
  return (
    <ChartFrame
      title={t.preferencesTitle}
      labels={labels}
      summary={t.preferencesSummary(preferences.count, compare?.count ?? 0, kept?.count ?? 0, preferences.ties)}
      figures={<Figure label={t.preferenceTies} value={preferences.ties} />}
      points={rows.map((row) => ({ text: describe(row) }))}
      table={{
        columns: [t.source, ...strengths.map((strength) => t.preferenceStrengths[strength]), t.count],
        rows: rows.map((row) => [row.label, ...strengths.map((strength) => row[strength]), row.count]),
      }}
    >
      {(active, setActive, width) => (
        <BarChart
          categories={rows.map((row) => row.label)}
          series={strengths.map((strength) => ({
            key: strength,
            label: t.preferenceStrengths[strength],
            values: rows.map((row) => row[strength]),
          }))}
          active={active}
          onActive={setActive}
          width={width}
        />
      )}
    </ChartFrame>
  );
}
