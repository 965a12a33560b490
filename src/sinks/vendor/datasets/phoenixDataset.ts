import { hexSpanId } from "../signal";
import { type DatasetSpec, type DatasetTarget, slices } from "./datasetTarget";
import type { RegressionItem } from "./regressionItem";
import type { VendorCall } from "./vendorHttp";

const UPLOAD = "/v1/datasets/upload?sync=true";
// Items per upload request: small enough for any proxy's body limit, large enough to be few requests.
const PER_REQUEST = 100;

/**
 * The JSON body of Phoenix's `POST /v1/datasets/upload` for some items: `append` creates the dataset when
 * missing, and `example_ids` makes Phoenix match each item with the one it already has (unchanged ones stay as
 * they are, nothing is doubled). `span_ids` link each example to the span that produced the bad answer.
 */
export function phoenixUploadBody(dataset: DatasetSpec, items: readonly RegressionItem[]) {
  return {
    action: "append",
    name: dataset.name,
    description: dataset.description,
    inputs: items.map((item) => item.input),
    outputs: items.map((item) => item.expectedOutput ?? {}),
    metadata: items.map((item) => item.metadata),
    span_ids: items.map((item) => hexSpanId(item.spanId ?? undefined) ?? null),
    example_ids: items.map((item) => item.id),
  };
}

/** Phoenix datasets through its REST API (`Authorization: Bearer` when auth is on), 100 items per request. */
export function phoenixDataset(dataset: DatasetSpec, call: VendorCall): DatasetTarget {
  return {
    vendor: "Phoenix",
    plan: (items) =>
      slices(items, PER_REQUEST).map((part) => ({
        method: "POST" as const,
        path: UPLOAD,
        body: phoenixUploadBody(dataset, part),
      })),
    async push(items, onProgress) {
      let done = 0;
      for (const part of slices(items, PER_REQUEST)) {
        await call({ method: "POST", path: UPLOAD, json: phoenixUploadBody(dataset, part) });
        done += part.length;
        onProgress(done);
      }
      return { sent: items.length, alreadyThere: 0 };
    },
  };
}
