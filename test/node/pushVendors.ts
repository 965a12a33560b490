import type { Received, Reply } from "./support/vendorServer";

// Stand-ins that keep datasets the way each vendor does, so a test can count what a push left behind:
// Langfuse upserts items on `id`; LangSmith stores each uploaded example (its own SDK never re-sends one);
// Phoenix's `append` matches incoming examples to stored ones by `example_ids` (its external ids).

/** The parts of a multipart body, each JSON part parsed. */
export async function multipartParts(request: Received): Promise<Map<string, unknown>> {
  const form = await new Response(request.body as string, {
    headers: { "content-type": String(request.headers["content-type"]) },
  }).formData();
  const parts = new Map<string, unknown>();
  for (const [name, value] of form) {
    parts.set(name, JSON.parse(typeof value === "string" ? value : await value.text()));
  }
  return parts;
}

export function langfuseDatasets() {
  const datasets = new Map<string, unknown>();
  const items = new Map<string, Record<string, unknown>>();
  return {
    datasets,
    items,
    reply(request: Received): Reply {
      const body = request.body as Record<string, unknown>;
      if (request.path === "/api/public/v2/datasets") {
        datasets.set(body.name as string, body);
        return { status: 200, body: { id: `ds-${body.name}`, name: body.name } };
      }
      if (request.path === "/api/public/dataset-items") {
        items.set(body.id as string, body);
        return { status: 200, body: { ...body, status: "ACTIVE" } };
      }
      return { status: 404, body: { message: "not found" } };
    },
  };
}

export function langsmithDatasets() {
  const datasets = new Map<string, { id: string; body: unknown }>();
  const examples = new Map<string, { dataset: string; parts: Map<string, unknown> }>();
  return {
    datasets,
    examples,
    async reply(request: Received): Promise<Reply> {
      const url = new URL(request.path, "http://stand-in");
      if (url.pathname === "/info") {
        return {
          status: 200,
          body: { version: "0.12.0", instance_flags: { dataset_examples_multipart_enabled: true } },
        };
      }
      if (url.pathname === "/datasets" && request.method === "GET") {
        const found = datasets.get(url.searchParams.get("name") ?? "");
        return { status: 200, body: found ? [{ id: found.id, name: url.searchParams.get("name") }] : [] };
      }
      if (url.pathname === "/datasets" && request.method === "POST") {
        const { name } = request.body as { name: string };
        if (datasets.has(name)) return { status: 409, body: { detail: "Dataset already exists" } };
        const id = `0f0e0d0c-0000-4000-8000-${String(datasets.size + 1).padStart(12, "0")}`;
        datasets.set(name, { id, body: request.body });
        return { status: 200, body: { id, name } };
      }
      if (url.pathname === "/examples" && request.method === "GET") {
        const wanted = new Set(url.searchParams.getAll("id"));
        const dataset = url.searchParams.get("dataset");
        const found = [...examples].filter(([id, example]) => wanted.has(id) && example.dataset === dataset);
        return { status: 200, body: found.map(([id]) => ({ id })) };
      }
      const upload = /^\/v1\/platform\/datasets\/([^/]+)\/examples$/.exec(url.pathname);
      if (upload && request.method === "POST") {
        const parts = await multipartParts(request);
        const ids = [...parts.keys()].filter((name) => !name.includes("."));
        for (const id of ids) {
          if (examples.has(id)) return { status: 409, body: { detail: `Example ${id} already exists` } };
          const own = new Map([...parts].filter(([name]) => name === id || name.startsWith(`${id}.`)));
          examples.set(id, { dataset: upload[1] as string, parts: own });
        }
        return { status: 201, body: { example_ids: ids, count: ids.length } };
      }
      const read = /^\/examples\/([^/]+)$/.exec(url.pathname);
      if (read) return { status: 200, body: { id: read[1], inputs: {}, outputs: {} } };
      return { status: 404, body: { detail: "Not Found" } };
    },
  };
}

interface PhoenixUpload {
  action?: string;
  name: string;
  inputs: unknown[];
  outputs?: unknown[];
  metadata?: unknown[];
  span_ids?: (string | null)[];
  example_ids?: (string | null)[];
}

export function phoenixDatasets() {
  const datasets = new Map<string, Map<string, { input: unknown; output: unknown; spanId: string | null }>>();
  return {
    datasets,
    reply(request: Received): Reply {
      if (!request.path.startsWith("/v1/datasets/upload")) return { status: 404, body: "Not Found" };
      const body = request.body as PhoenixUpload;
      if ((body.action ?? "create") === "create" && datasets.has(body.name)) {
        return { status: 409, body: `A dataset named "${body.name}" already exists.` };
      }
      const examples = datasets.get(body.name) ?? new Map();
      datasets.set(body.name, examples);
      body.inputs.forEach((input, i) => {
        const id = body.example_ids?.[i] ?? `auto-${examples.size}`;
        examples.set(id, { input, output: body.outputs?.[i] ?? {}, spanId: body.span_ids?.[i] ?? null });
      });
      return { status: 200, body: { data: { dataset_id: "RGF0YXNldDox", version_id: "RGF0YXNldFZlcnNpb246MQ==" } } };
    },
  };
}
