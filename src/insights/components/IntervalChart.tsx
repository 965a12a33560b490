import { AxisBottom } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Line } from "@visx/shape";
import type { ThumbsShare } from "../types";

export interface IntervalChartProps {
  rows: (ThumbsShare & { label: string })[];
  active: number | null;
  onActive: (index: number | null) => void;
  /** The drawing's width in CSS pixels: labels keep their size at any width. */
  width?: number;
}

const ROW = 32;
const MARGIN = { top: 8, right: 20, bottom: 30, left: 110 };
const FONT = 13;

/**
 * Each group's share as a dot on its 95% interval, on one 0–100% axis: two prompt versions whose intervals
 * overlap are not yet told apart, and the chart shows it without a word of statistics.
 */
export function IntervalChart({ rows, active, onActive, width = 480 }: IntervalChartProps) {
  const height = MARGIN.top + MARGIN.bottom + rows.length * ROW;
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const y = scaleBand<number>({ domain: rows.map((_, i) => i), range: [0, rows.length * ROW], padding: 0.3 });
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, innerWidth] });
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="rfl-insights-svg" aria-hidden="true" focusable="false">
      <Group left={MARGIN.left} top={MARGIN.top}>
        {rows.map((row, i) => {
          const middle = (y(i) ?? 0) + y.bandwidth() / 2;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: the pointer's view of the keyboard cursor.
            <g
              key={row.group}
              className="rfl-insights-bar-group"
              data-active={active === i || undefined}
              onMouseEnter={() => onActive(i)}
            >
              <rect x={-MARGIN.left} y={y(i)} width={width} height={y.step()} fill="transparent" />
              <text x={-14} y={middle} dy={4} textAnchor="end" fontSize={FONT} fill="var(--rfl-fg)">
                {row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label}
              </text>
              {row.share !== null && row.low !== null && row.high !== null && (
                <>
                  <Line
                    from={{ x: x(row.low), y: middle }}
                    to={{ x: x(row.high), y: middle }}
                    stroke="var(--rfl-chart-1)"
                    strokeWidth={3}
                  />
                  <circle
                    cx={x(row.share)}
                    cy={middle}
                    r={6}
                    fill="var(--rfl-chart-1)"
                    stroke="var(--rfl-bg)"
                    strokeWidth={2}
                  />
                </>
              )}
            </g>
          );
        })}
        <AxisBottom
          top={rows.length * ROW}
          scale={x}
          numTicks={innerWidth < 260 ? 2 : 5}
          tickFormat={(value) => `${Math.round(Number(value) * 100)}%`}
          stroke="var(--rfl-border)"
          tickStroke="var(--rfl-border)"
          tickLabelProps={{ fill: "var(--rfl-fg-muted)", fontSize: FONT, textAnchor: "middle" }}
        />
      </Group>
    </svg>
  );
}
