import type { HistogramBin } from "./types";

/** Names the bin from `min` to `max` (`null`: no upper bound). */
export type BinLabel = (min: number, max: number | null) => string;

/** A histogram's shape: ascending edges (the last bin is open-ended) and how its bins are named. */
export interface HistogramShape {
  edges: readonly number[];
  label: BinLabel;
}

const percent: BinLabel = (min, max) => (max === null ? `${min * 100}%+` : `${min * 100}–${max * 100}%`);
const seconds: BinLabel = (min, max) => (max === null ? `${min / 1000} s+` : `${min / 1000}–${max / 1000} s`);
const count: BinLabel = (min, max) => (max === null ? `${min}+` : max - min === 1 ? `${min}` : `${min}–${max - 1}`);

/** Edits' similarity to the draft, in tenths. */
export const SIMILARITY: HistogramShape = { edges: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], label: percent };
/** Words changed per edit: one bin per value up to 200, so the median is exact where edits usually fall. */
export const EDIT_SIZE: HistogramShape = {
  edges: [...Array.from({ length: 200 }, (_, i) => i), 200, 300, 500, 1000, 2000, 5000],
  label: count,
};
/** How long an untouched answer was on screen, in milliseconds. */
export const DWELL: HistogramShape = { edges: [0, 1000, 3000, 10_000, 30_000, 60_000], label: seconds };

/** The bin `value` falls in: the last edge at or below it (the first bin for anything below the first edge). */
export function binOf({ edges }: HistogramShape, value: number): number {
  let bin = 0;
  while (bin + 1 < edges.length && value >= (edges[bin + 1] as number)) bin++;
  return bin;
}

/** The bins of a histogram from its counts, one per edge. */
export function histogramBins({ edges, label }: HistogramShape, counts: readonly number[]): HistogramBin[] {
  return edges.map((min, i) => {
    const max = edges[i + 1] ?? null;
    return { label: label(min, max), min, max, count: counts[i] ?? 0 };
  });
}

/**
 * The lower median of the values counted (a value that occurred, never a mean of two), exact while the bins
 * are one value wide, otherwise the lower edge of the bin that holds it. `null` for no values.
 */
export function histogramMedian({ edges }: HistogramShape, counts: readonly number[]): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < edges.length; i++) {
    seen += counts[i] ?? 0;
    if (seen * 2 >= total) return edges[i] as number;
  }
  return null;
}
