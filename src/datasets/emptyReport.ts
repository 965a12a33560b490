import type { DatasetReport } from "./types";

/** A report with every count at zero. */
export function emptyReport(): DatasetReport {
  return {
    events: 0,
    rows: 0,
    invalid: 0,
    duplicates: 0,
    withoutPrompt: 0,
    withoutText: 0,
    withdrawn: 0,
    unchanged: 0,
    ties: 0,
    late: 0,
  };
}
