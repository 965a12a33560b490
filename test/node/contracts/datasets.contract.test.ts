import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "langsmith";
import { parse } from "yaml";
import { failures, pushWorkspace } from "../pushFixtures";
import { langfuseDatasets, langsmithDatasets, multipartParts, phoenixDatasets } from "../pushVendors";
import { type Received, type VendorServer, vendorServer } from "../support/vendorServer";
import { contractsDir } from "./contractsDir";
import { openApiRequestValidator, openApiValidator } from "./openApiValidator";

// Every request `push` sends, captured on a stand-in and checked against the vendor's own contract: Langfuse's
// and Phoenix's OpenAPI documents in shared/contracts, and for LangSmith (whose API schema is not published
// there) the requests its official SDK sends for the same dataset and examples.

const { jsonlFile, push, cleanup } = pushWorkspace();
afterAll(cleanup);

let server: VendorServer;
afterEach(() => server?.close());

const langfuseDoc = parse(readFileSync(path.join(contractsDir(), "langfuse/openapi.yml"), "utf8"), {
  maxAliasCount: -1,
});
const phoenixDoc = JSON.parse(readFileSync(path.join(contractsDir(), "phoenix/openapi.json"), "utf8"));

describe("push --to langfuse against Langfuse's CreateDatasetRequest and CreateDatasetItemRequest", () => {
  const validators = {
    "/api/public/v2/datasets": openApiValidator(langfuseDoc, "CreateDatasetRequest"),
    "/api/public/dataset-items": openApiValidator(langfuseDoc, "CreateDatasetItemRequest"),
  };

  it("every request validates", async () => {
    server = await vendorServer(langfuseDatasets().reply);
    const env = { LANGFUSE_BASE_URL: server.url, LANGFUSE_PUBLIC_KEY: "pk-lf-1", LANGFUSE_SECRET_KEY: "sk-lf-2" };
    expect((await push(["--to", "langfuse", "--dataset", "regressions", "--in", jsonlFile(failures)], env)).code).toBe(
      0,
    );
    expect(server.received.map((r) => r.path)).toEqual([
      "/api/public/v2/datasets",
      "/api/public/dataset-items",
      "/api/public/dataset-items",
      "/api/public/dataset-items",
    ]);
    for (const request of server.received) {
      const validate = validators[request.path as keyof typeof validators];
      const valid = validate(request.body);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      // Item ids are unique per project and at most 255 characters (the schema's description).
      const { id } = request.body as { id?: string };
      if (id !== undefined) expect(id.length).toBeLessThanOrEqual(255);
    }
  });

  it("the validators are real: a dataset without a name, an item without datasetName, fail", () => {
    expect(validators["/api/public/v2/datasets"]({ description: "x" })).toBe(false);
    expect(validators["/api/public/dataset-items"]({ input: {} })).toBe(false);
    expect(validators["/api/public/dataset-items"]({ datasetName: "d", sourceTraceId: 7 })).toBe(false);
  });
});

describe("push --to phoenix against Phoenix's POST /v1/datasets/upload", () => {
  const validate = openApiRequestValidator(phoenixDoc, "POST", "/v1/datasets/upload");

  it("every request validates, with one id, span and output per input", async () => {
    server = await vendorServer(phoenixDatasets().reply);
    const env = { PHOENIX_BASE_URL: server.url };
    expect((await push(["--to", "phoenix", "--dataset", "regressions", "--in", jsonlFile(failures)], env)).code).toBe(
      0,
    );
    expect(server.received).toHaveLength(1);
    for (const request of server.received) {
      const valid = validate(request.body);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      // Phoenix refuses lists whose lengths differ from `inputs` (its upload handler checks each one).
      const body = request.body as Record<string, unknown[]>;
      for (const list of ["outputs", "metadata", "span_ids", "example_ids"]) {
        expect(body[list]).toHaveLength(body.inputs?.length ?? -1);
      }
    }
  });

  it("the validator is real: no name, or an unknown action, fails", () => {
    expect(validate({ inputs: [{}] })).toBe(false);
    expect(validate({ name: "d", inputs: [{}], action: "upsert" })).toBe(false);
  });
});

describe("push --to langsmith against what LangSmith's own SDK sends", () => {
  const env = () => ({ LANGSMITH_ENDPOINT: server.url, LANGSMITH_API_KEY: "lsv2_pt_secret" });
  const query = (request: Received) => new URL(request.path, "http://x").searchParams;
  const route = (request: Received) => `${request.method} ${new URL(request.path, "http://x").pathname}`;

  /** JSON types, recursively: two bodies of one shape have the same keys with values of the same types. */
  function shape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shape);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]));
    }
    return value === null ? "null" : typeof value;
  }

  it("the same dataset and examples: the same dataset body shape, the same example parts byte for byte", async () => {
    // Our push first, on its own stand-in.
    server = await vendorServer(langsmithDatasets().reply);
    const ours = await push(["--to", "langsmith", "--dataset", "regressions", "--in", jsonlFile(failures)], env());
    expect(ours.code).toBe(0);
    const ourRequests = [...server.received];
    const ourDataset = ourRequests.find((r) => route(r) === "POST /datasets");
    const ourUpload = ourRequests.find((r) => route(r).endsWith("/examples") && r.method === "POST");
    if (!ourDataset || !ourUpload) throw new Error("push sent no dataset or no examples");
    const ourParts = await multipartParts(ourUpload);
    await server.close();

    // Then the SDK, given the very same dataset and examples.
    server = await vendorServer(langsmithDatasets().reply);
    const client = new Client({ apiUrl: server.url, apiKey: "lsv2_pt_secret", autoBatchTracing: false });
    const { name, description } = ourDataset.body as { name: string; description: string };
    const dataset = await client.createDataset(name, { description });
    const ids = [...ourParts.keys()].filter((part) => !part.includes("."));
    await client.createExamples(
      ids.map((id) => {
        const example = ourParts.get(id) as { metadata: Record<string, unknown>; source_run_id?: string };
        return {
          id,
          dataset_id: dataset.id,
          inputs: ourParts.get(`${id}.inputs`) as Record<string, unknown>,
          outputs: ourParts.get(`${id}.outputs`) as Record<string, unknown> | undefined,
          metadata: example.metadata,
          source_run_id: example.source_run_id,
        };
      }),
    );
    await client.readDataset({ datasetName: name });
    for await (const _example of client.listExamples({ datasetId: dataset.id, exampleIds: ids })) {
      // Read to the end, so the SDK's lookup request is captured.
    }
    const sdkRequests = [...server.received];
    const sdkDataset = sdkRequests.find((r) => route(r) === "POST /datasets");
    const sdkUpload = sdkRequests.find((r) => route(r).endsWith("/examples") && r.method === "POST");
    if (!sdkDataset || !sdkUpload) throw new Error("the SDK sent no dataset or no examples");

    // The dataset: the same fields, of the same types (the SDK marks `extra.source` as itself; we mark ours).
    expect(shape(ourDataset.body)).toEqual(shape(sdkDataset.body));
    expect((ourDataset.body as { name: string }).name).toBe((sdkDataset.body as { name: string }).name);
    // The examples: the same endpoint and the same parts, with the same JSON in each.
    expect(route(ourUpload).replace(/datasets\/[^/]+/, "datasets/{id}")).toBe(
      route(sdkUpload).replace(/datasets\/[^/]+/, "datasets/{id}"),
    );
    expect(ourParts).toEqual(await multipartParts(sdkUpload));
    expect(ourParts.size).toBe(ids.length * 2 + 1);

    // The lookups: our query parameters are ones the SDK's own readDataset and listExamples send.
    const ourLookups = ourRequests.filter((r) => r.method === "GET");
    for (const lookup of ourLookups) {
      const sdkLookup = sdkRequests.find((r) => r.method === "GET" && route(r) === route(lookup));
      expect(sdkLookup, route(lookup)).toBeDefined();
      const sdkKeys = new Set(query(sdkLookup as Received).keys());
      for (const key of query(lookup).keys()) expect(sdkKeys, `${route(lookup)} ?${key}`).toContain(key);
    }
  });
});
