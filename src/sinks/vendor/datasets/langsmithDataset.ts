import { type DatasetSpec, type DatasetTarget, type PlannedRequest, slices } from "./datasetTarget";
import type { RegressionItem } from "./regressionItem";
import type { VendorCall } from "./vendorHttp";

// Examples looked up and uploaded per request: ids in a query string stay well under URL limits.
const PER_REQUEST = 50;

/** The body of LangSmith's `POST /datasets`, shaped as its own SDK's `createDataset` sends it. */
export function langsmithDatasetBody(dataset: DatasetSpec) {
  return { name: dataset.name, description: dataset.description, extra: { source: "react-feedback-loop" } };
}

/**
 * One example as the parts of LangSmith's multipart upload (`POST /v1/platform/datasets/{id}/examples`, what its
 * SDK's `createExamples` sends): `<id>` holds the metadata and `source_run_id` (the run that produced the bad
 * answer), `<id>.inputs` the prompt and `<id>.outputs` the corrected answer.
 */
export function langsmithExampleParts(item: RegressionItem) {
  return {
    id: item.id,
    example: { metadata: item.metadata, ...(item.runId ? { source_run_id: item.runId } : {}) },
    inputs: item.input,
    ...(item.expectedOutput ? { outputs: item.expectedOutput } : {}),
  };
}

function examplesForm(items: readonly RegressionItem[]): FormData {
  const form = new FormData();
  const json = (value: unknown) => new Blob([JSON.stringify(value)], { type: "application/json" });
  for (const item of items) {
    const parts = langsmithExampleParts(item);
    form.append(parts.id, json(parts.example));
    form.append(`${parts.id}.inputs`, json(parts.inputs));
    if (parts.outputs) form.append(`${parts.id}.outputs`, json(parts.outputs));
  }
  return form;
}

/**
 * LangSmith datasets through its API (`x-api-key`). LangSmith does not upsert examples, so the push first asks
 * which of the items' ids the dataset has, and uploads only the others.
 */
export function langsmithDataset(dataset: DatasetSpec, call: VendorCall, apiUrl: string): DatasetTarget {
  // The SDK's rule: an API URL that already ends in /v1 takes /platform/… without another /v1.
  const platform = /\/v1\/?$/.test(apiUrl) ? "/platform" : "/v1/platform";
  const examplesPath = (id: string) => `${platform}/datasets/${encodeURIComponent(id)}/examples`;
  const existing = (id: string, items: readonly RegressionItem[]) =>
    `/examples?${new URLSearchParams([["dataset", id], ["limit", String(items.length)], ...items.map((item) => ["id", item.id])])}`;

  return {
    vendor: "LangSmith",
    plan(items) {
      const planned: PlannedRequest[] = [
        { method: "GET", path: `/datasets?${new URLSearchParams({ name: dataset.name, limit: "1" })}` },
        { method: "POST", path: "/datasets", body: langsmithDatasetBody(dataset) },
      ];
      for (const part of slices(items, PER_REQUEST)) {
        planned.push(
          { method: "GET", path: existing("{dataset_id}", part) },
          { method: "POST", path: examplesPath("{dataset_id}"), body: part.map(langsmithExampleParts) },
        );
      }
      // The id LangSmith gives the dataset is not known before it answers: shown as a readable placeholder.
      return planned.map((request) => ({
        ...request,
        path: request.path.replaceAll("%7Bdataset_id%7D", "{dataset_id}"),
      }));
    },
    async push(items, onProgress) {
      const query = new URLSearchParams({ name: dataset.name, limit: "1" });
      const [found] = (await call<{ id: string }[] | null>({ method: "GET", path: `/datasets?${query}` })) ?? [];
      const { id } =
        found ??
        (await call<{ id: string }>({ method: "POST", path: "/datasets", json: langsmithDatasetBody(dataset) }));
      let done = 0;
      let alreadyThere = 0;
      for (const part of slices(items, PER_REQUEST)) {
        const known = new Set(
          ((await call<{ id: string }[] | null>({ method: "GET", path: existing(id, part) })) ?? []).map(
            (example) => example.id,
          ),
        );
        const missing = part.filter((item) => !known.has(item.id));
        alreadyThere += part.length - missing.length;
        if (missing.length > 0) await call({ method: "POST", path: examplesPath(id), form: examplesForm(missing) });
        done += part.length;
        onProgress(done);
      }
      return { sent: items.length - alreadyThere, alreadyThere };
    },
  };
}
