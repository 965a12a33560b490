import type { RegressionItem } from "./regressionItem";

/** The dataset a push fills. */
export interface DatasetSpec {
  name: string;
  description: string;
}

/** One request of a push, as `--dry-run` prints it (ids a vendor assigns appear as `{placeholders}`). */
export interface PlannedRequest {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
}

/** What a push did. */
export interface PushReport {
  /** Items sent (created, or upserted where the vendor upserts on the item's id). */
  sent: number;
  /** Items the vendor had already, found before sending (LangSmith), so not sent again. */
  alreadyThere: number;
}

/** One vendor's datasets, as `push` uses them. */
export interface DatasetTarget {
  /** "Langfuse", "LangSmith", "Phoenix". */
  readonly vendor: string;
  /** The requests a push of `items` makes, without sending anything. */
  plan(items: readonly RegressionItem[]): PlannedRequest[];
  /** Creates the dataset when missing and upserts `items`; `onProgress` hears the count of items done. */
  push(items: readonly RegressionItem[], onProgress: (done: number) => void): Promise<PushReport>;
}

/** `items` in slices of `size`, for vendors that take many items per request. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
