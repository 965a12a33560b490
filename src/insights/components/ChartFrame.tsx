import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { defaultInsightsLabels, type InsightsLabels } from "../labels";

// The width a chart is drawn at before the browser has measured it (on the server, in the first paint).
const DEFAULT_WIDTH = 480;

/** One bar or point of a chart: what its tooltip says, and the row the table view shows for it. */
export interface ChartPoint {
  /** The tooltip's and the live region's sentence for this point. */
  text: string;
}

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface ChartFrameProps {
  title: string;
  /** The text alternative: what the chart shows, in one or two sentences. */
  summary: string;
  points: ChartPoint[];
  table: ChartTable;
  labels?: Partial<InsightsLabels>;
  /**
   * Draws the chart; `active` is the point under the pointer or the keyboard cursor, `width` the plot's width in
   * CSS pixels (a default on the server, measured in the browser, so labels keep their size on a phone).
   */
  children: (active: number | null, setActive: (index: number | null) => void, width: number) => ReactNode;
  /** Extra figures shown beside the title (rates, medians). */
  figures?: ReactNode;
}

/**
 * The frame every chart shares: a titled figure whose chart is one Tab stop (arrow keys, Home and End move a
 * cursor from bar to bar and a polite live region reads it), a tooltip for the pointer and the cursor alike, a
 * text alternative, and a button that swaps the chart for a table of the same numbers.
 */
export function ChartFrame({ title, summary, points, table, labels, children, figures }: ChartFrameProps) {
  const text = { ...defaultInsightsLabels, ...labels };
  const [active, setActive] = useState<number | null>(null);
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const summaryId = useId();
  const plot = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = plot.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (points.length === 0) return;
    const last = points.length - 1;
    const next =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? Math.min(last, (active ?? -1) + 1)
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? Math.max(0, (active ?? 1) - 1)
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : event.key === "Escape"
                ? null
                : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
  };

  const activePoint = active === null ? undefined : points[active];
  return (
    <figure className="rfl-insights-chart" aria-labelledby={titleId}>
      <div className="rfl-insights-chart__head">
        <h2 id={titleId} className="rfl-insights-chart__title">
          {title}
        </h2>
        {figures}
        <button
          type="button"
          className="rfl-insights-button"
          aria-pressed={asTable}
          onClick={() => setAsTable((shown) => !shown)}
        >
          {asTable ? text.hideTable : text.showTable}
        </button>
      </div>
      <p id={summaryId} className="rfl-insights-chart__summary">
        {summary}
      </p>
      {asTable ? (
        <div className="rfl-insights-table-scroll">
          <table className="rfl-insights-table">
            <caption className="rfl-insights-visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={table.columns[i]} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={table.columns[i]}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: a chart is a group of bars, not a form's fieldset; one Tab stop, arrow keys read each bar.
        <div
          ref={plot}
          className="rfl-insights-chart__plot"
          role="group"
          tabIndex={points.length > 0 ? 0 : undefined}
          aria-roledescription="chart"
          aria-labelledby={titleId}
          aria-describedby={summaryId}
          onKeyDown={onKeyDown}
          onBlur={() => setActive(null)}
          onMouseLeave={() => setActive(null)}
        >
          {children(active, setActive, width)}
          {activePoint && (
            <div className="rfl-insights-tooltip" aria-hidden="true">
              {activePoint.text}
            </div>
          )}
          <span className="rfl-insights-visually-hidden" aria-live="polite">
            {activePoint?.text ?? ""}
          </span>
        </div>
      )}
    </figure>
  );
}
