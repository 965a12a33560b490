import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

/** One series of bars; several series stack, in the order given. */
export interface BarSeries {
  key: string;
  label: string;
  values: number[];
}

export interface BarChartProps {
  categories: string[];
  series: BarSeries[];
  active: number | null;
  onActive: (index: number | null) => void;
  /** The drawing's width in CSS pixels: labels keep their size at any width. */
  width?: number;
  /** Formats the value axis' ticks (counts by default). */
  tickFormat?: (value: number) => string;
}

// The height is fixed; the width follows the chart's box (see ChartFrame).
const HEIGHT = 200;
const MARGIN = { top: 12, right: 8, bottom: 30, left: 40 };
const FONT = 13;

/**
 * Bars over categories, stacked when there are several series, drawn with visx. Colours come from the
 * `--rfl-chart-<n>` custom properties (a colour-blind-safe set with a dark variant); a legend names the series,
 * so no series is told apart by colour alone.
 */
export function BarChart({ categories, series, active, onActive, tickFormat, width = 480 }: BarChartProps) {
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const x = scaleBand<number>({ domain: categories.map((_, i) => i), range: [0, innerWidth], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, Math.max(1, ...totals)], range: [innerHeight, 0], nice: true });
  // Fewer labels than bars where they would overlap: one per 70 pixels at most.
  const every = Math.max(1, Math.ceil(categories.length / Math.max(2, Math.floor(innerWidth / 70))));
  return (
    <>
      {series.length > 1 && (
        <ul className="rfl-insights-legend">
          {series.map((s, n) => (
            <li key={s.key}>
              <span
                className="rfl-insights-swatch"
                style={{ background: `var(--rfl-chart-${n + 1})` }}
                aria-hidden="true"
              />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} className="rfl-insights-svg" aria-hidden="true" focusable="false">
        <Group left={MARGIN.left} top={MARGIN.top}>
          {categories.map((category, i) => {
            let base = innerHeight;
            const bandX = x(i) ?? 0;
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: the pointer's view of the keyboard cursor.
              <g
                key={category}
                data-active={active === i || undefined}
                className="rfl-insights-bar-group"
                onMouseEnter={() => onActive(i)}
              >
                <rect
                  x={bandX - (x.step() - x.bandwidth()) / 2}
                  y={0}
                  width={x.step()}
                  height={innerHeight}
                  fill="transparent"
                />
                {series.map((s, n) => {
                  const value = s.values[i] ?? 0;
                  const height = innerHeight - y(value);
                  base -= height;
                  return value > 0 ? (
                    <Bar
                      key={s.key}
                      x={bandX}
                      y={base}
                      width={x.bandwidth()}
                      height={height}
                      fill={`var(--rfl-chart-${n + 1})`}
                      stroke="var(--rfl-bg)"
                      strokeWidth={1}
                    />
                  ) : null;
                })}
              </g>
            );
          })}
          <AxisLeft
            scale={y}
            // Counts are whole: no tick at 0.5 of an event.
            tickValues={y.ticks(4).filter((tick) => tickFormat !== undefined || Number.isInteger(tick))}
            tickFormat={(value) => (tickFormat ? tickFormat(Number(value)) : String(value))}
            stroke="var(--rfl-border)"
            tickStroke="var(--rfl-border)"
            tickLabelProps={{ fill: "var(--rfl-fg-muted)", fontSize: FONT, textAnchor: "end", dx: -4, dy: 4 }}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={categories.map((_, i) => i).filter((i) => i % every === 0)}
            tickFormat={(i) => categories[Number(i)] ?? ""}
            stroke="var(--rfl-border)"
            tickStroke="var(--rfl-border)"
            tickLabelProps={{ fill: "var(--rfl-fg-muted)", fontSize: FONT, textAnchor: "middle" }}
          />
        </Group>
      </svg>
    </>
  );
}
