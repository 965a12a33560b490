import type { HistogramBin } from "./types";

/** A histogram over fixed edges: bounded memory, whatever the number of values. */
export class Histogram {
  private readonly counts: number[];

  /** `edges` ascending; the last bin is open-ended. `label` names the bin starting at each edge. */
  constructor(
    private readonly edges: readonly number[],
    private readonly label: (min: number, max: number | null) => string,
  ) {
    this.counts = edges.map(() => 0);
  }

  add(value: number): void {
    let bin = 0;
    while (bin + 1 < this.edges.length && value >= (this.edges[bin + 1] as number)) bin++;
    this.counts[bin] = (this.counts[bin] as number) + 1;
  }

  bins(): HistogramBin[] {
    return this.edges.map((min, i) => {
      const max = this.edges[i + 1] ?? null;
      return { label: this.label(min, max), min, max, count: this.counts[i] as number };
    });
  }

  /**
   * The median, exact while the bins are one value wide (integer edges one apart), otherwise the lower edge of
   * the bin that holds it. `null` for no values.
   */
  median(): number | null {
    const total = this.counts.reduce((sum, count) => sum + count, 0);
    if (total === 0) return null;
    // The lower median for an even count: a value that occurred, never a mean of two.
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] as number;
      if (seen * 2 >= total) return this.edges[i] as number;
    }
    return null;
  }
}
