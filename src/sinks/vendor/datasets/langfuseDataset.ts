import { mapLimited } from "../../http/request";
import type { DatasetSpec, DatasetTarget, PlannedRequest } from "./datasetTarget";
import type { RegressionItem } from "./regressionItem";
import type { VendorCall } from "./vendorHttp";

const DATASETS = "/api/public/v2/datasets";
const ITEMS = "/api/public/dataset-items";

/** Langfuse's `CreateDatasetRequest` for the dataset (Langfuse upserts datasets on their name). */
export function langfuseDatasetBody(dataset: DatasetSpec) {
  return { name: dataset.name, description: dataset.description, metadata: { source: "react-feedback-loop" } };
}

/**
 * Langfuse's `CreateDatasetItemRequest` for one item, linked to the trace and observation that produced the bad
 * answer (`sourceTraceId`, `sourceObservationId`). Langfuse upserts items on `id`.
 */
export function langfuseDatasetItemBody(datasetName: string, item: RegressionItem) {
  return {
    id: item.id,
    datasetName,
    input: item.input,
    ...(item.expectedOutput ? { expectedOutput: item.expectedOutput } : {}),
    metadata: item.metadata,
    ...(item.traceId ? { sourceTraceId: item.traceId } : {}),
    ...(item.traceId && item.spanId ? { sourceObservationId: item.spanId } : {}),
  };
}

/** Langfuse datasets through its public API (a secret key: Basic auth). Items go four at a time. */
export function langfuseDataset(dataset: DatasetSpec, call: VendorCall, concurrency = 4): DatasetTarget {
  const plan = (items: readonly RegressionItem[]): PlannedRequest[] => [
    { method: "POST", path: DATASETS, body: langfuseDatasetBody(dataset) },
    ...items.map((item) => ({
      method: "POST" as const,
      path: ITEMS,
      body: langfuseDatasetItemBody(dataset.name, item),
    })),
  ];
  return {
    vendor: "Langfuse",
    plan,
    async push(items, onProgress) {
      await call({ method: "POST", path: DATASETS, json: langfuseDatasetBody(dataset) });
      let done = 0;
      await mapLimited(items, concurrency, async (item) => {
        await call({ method: "POST", path: ITEMS, json: langfuseDatasetItemBody(dataset.name, item) });
        onProgress(++done);
      });
      return { sent: items.length, alreadyThere: 0 };
    },
  };
}
