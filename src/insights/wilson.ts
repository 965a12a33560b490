/**
 * The 95% Wilson score interval of `successes` out of `total`: unlike the plain ±1.96·σ interval it stays inside
 * 0..1 and stays honest for small counts, which is what comparing two prompt versions on a few dozen votes needs.
 *
 * @example
 * wilsonInterval(8, 10); // { low: 0.490162, high: 0.943318 }
 */
export function wilsonInterval(successes: number, total: number): { low: number; high: number } | null {
  if (total <= 0) return null;
  const z = 1.959964;
  const p = successes / total;
  const z2 = z * z;
  const center = p + z2 / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  const denominator = 1 + z2 / total;
  return {
    // Six decimals, not the summary's usual four: a bound shown as a percentage with one decimal must not be
    // rounded twice (0.094535 shows as 9.5%; rounded first to 0.0945 it would show as 9.4%).
    low: round6(Math.max(0, (center - margin) / denominator)),
    high: round6(Math.min(1, (center + margin) / denominator)),
  };
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
