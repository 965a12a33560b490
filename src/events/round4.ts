/**
 * Rounded to 4 decimals: how the contract's shares and rates (`fraction`, `similarity`, `editRate`) are made, and
 * how the insights report theirs. More digits are noise to whoever reads them, and LangSmith refuses them.
 */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
