import { tmpdir } from "node:os";
import { Readable } from "node:stream";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { createPushCommand } from "../../src/cli/push";
import { PROMPT } from "../datasets/fixtureEvents";
import { failures, newFailure, pushWorkspace, RUN_1, SPAN_1, TRACE_1 } from "./pushFixtures";
import { langfuseDatasets, langsmithDatasets, phoenixDatasets } from "./pushVendors";
import { textStream } from "./support/textStream";
import { type VendorServer, vendorServer } from "./support/vendorServer";

const { jsonlFile, push, cleanup } = pushWorkspace();
afterAll(cleanup);

let server: VendorServer;
afterEach(() => server?.close());

const FAST = { baseMs: 1, maxMs: 4, attempts: 4 };

describe("react-feedback-loop push --to langfuse", () => {
  const env = () => ({ LANGFUSE_BASE_URL: server.url, LANGFUSE_PUBLIC_KEY: "pk-lf-1", LANGFUSE_SECRET_KEY: "sk-lf-2" });

  it("upserts the dataset and one item per failure: prompt, corrected answer, metadata, source trace", async () => {
    const langfuse = langfuseDatasets();
    server = await vendorServer(langfuse.reply);
    const result = await push(["--to", "langfuse", "--dataset", "regressions", "--in", jsonlFile(failures)], env());
    expect(result.code).toBe(0);
    expect(server.received[0]).toMatchObject({
      method: "POST",
      path: "/api/public/v2/datasets",
      body: { name: "regressions" },
    });
    expect(server.received.every((r) => r.headers.authorization === `Basic ${btoa("pk-lf-1:sk-lf-2")}`)).toBe(true);
    const items = [...langfuse.items.values()];
    expect(items).toHaveLength(3);
    const m1 = items.find((item) => (item.metadata as { messageId: string }).messageId === "m1");
    expect(m1).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      datasetName: "regressions",
      input: { messages: PROMPT },
      expectedOutput: { output: "Canberra." },
      metadata: {
        badOutput: "Sydney.",
        reasons: ["hallucination"],
        comment: "Wrong city",
        signal: "down",
        messageId: "m1",
        traceId: TRACE_1,
        spanId: SPAN_1,
        source: "react-feedback-loop",
      },
      sourceTraceId: TRACE_1,
      sourceObservationId: SPAN_1,
    });
    const m3 = items.find((item) => (item.metadata as { messageId: string }).messageId === "m3");
    expect(m3).not.toHaveProperty("expectedOutput");
    expect(m3).not.toHaveProperty("sourceTraceId");
    expect(result.stderr).toContain("3 regression cases (1 with the user's corrected answer)");
    // A short push prints one progress line, at the end.
    expect(result.stderr.match(/^push: \d+ of \d+ items$/gm)).toEqual(["push: 3 of 3 items"]);
    expect(result.stderr).toContain('push: 3 items sent to Langfuse dataset "regressions"');
  });

  it("pushing twice adds nothing; a new failure adds one item", async () => {
    const langfuse = langfuseDatasets();
    server = await vendorServer(langfuse.reply);
    const path = jsonlFile(failures);
    await push(["--to", "langfuse", "--dataset", "regressions", "--in", path], env());
    await push(["--to", "langfuse", "--dataset", "regressions", "--in", path], env());
    expect(langfuse.items.size).toBe(3);
    await push(["--to", "langfuse", "--dataset", "regressions", "--in", jsonlFile([...failures, newFailure])], env());
    expect(langfuse.items.size).toBe(4);
  });

  it("--reason pushes one error-mode bucket; repeated, any of them", async () => {
    const langfuse = langfuseDatasets();
    server = await vendorServer(langfuse.reply);
    const path = jsonlFile([...failures, newFailure]);
    const one = await push(["--to", "langfuse", "--dataset", "h", "--in", path, "--reason", "hallucination"], env());
    expect(one.stderr).toContain("2 regression cases with reason hallucination");
    const messages = () =>
      [...langfuse.items.values()].map((item) => (item.metadata as { messageId: string }).messageId);
    expect(messages().sort()).toEqual(["m1", "m5"]);
    langfuse.items.clear();
    await push(
      ["--to", "langfuse", "--dataset", "hf", "--in", path, "--reason", "hallucination", "--reason", "format"],
      env(),
    );
    expect(messages().sort()).toEqual(["m1", "m2", "m5"]);
  });

  it("the same failure in two datasets is two items (Langfuse keeps item ids per project)", async () => {
    const langfuse = langfuseDatasets();
    server = await vendorServer(langfuse.reply);
    const path = jsonlFile(failures);
    await push(["--to", "langfuse", "--dataset", "a", "--in", path], env());
    await push(["--to", "langfuse", "--dataset", "b", "--in", path], env());
    expect(langfuse.items.size).toBe(6);
  });

  it("--dry-run prints the requests, sends nothing and needs no key", async () => {
    server = await vendorServer(() => ({ status: 500 }));
    const result = await push(
      ["--to", "langfuse", "--dataset", "regressions", "--in", jsonlFile(failures), "--dry-run"],
      {},
    );
    expect(result.code).toBe(0);
    expect(server.received).toEqual([]);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.path)).toEqual([
      "/api/public/v2/datasets",
      "/api/public/dataset-items",
      "/api/public/dataset-items",
      "/api/public/dataset-items",
    ]);
    expect(lines[1].body).toMatchObject({ datasetName: "regressions", input: { messages: PROMPT } });
    expect(result.stderr).toContain("dry run, nothing sent to Langfuse");
  });

  it("429 and 5xx are retried with backoff until they pass", async () => {
    const langfuse = langfuseDatasets();
    let refusals = 0;
    server = await vendorServer((request) => {
      if (request.path === "/api/public/dataset-items" && refusals < 3) {
        refusals++;
        return refusals === 1 ? { status: 429, headers: { "retry-after": "0" } } : { status: 503 };
      }
      return langfuse.reply(request);
    });
    const result = await push(
      ["--to", "langfuse", "--dataset", "regressions", "--in", jsonlFile(failures)],
      env(),
      createPushCommand({ env: env(), retry: FAST }),
    );
    expect(result.code).toBe(0);
    expect(refusals).toBe(3);
    expect(langfuse.items.size).toBe(3);
  });

  it("a 4xx stops the push with the vendor's message, secrets scrubbed", async () => {
    server = await vendorServer((request) =>
      request.path === "/api/public/dataset-items"
        ? {
            status: 400,
            body: { message: `Invalid body for key sk-lf-2 (auth ${request.headers.authorization}, pk-lf-1)` },
          }
        : { status: 200, body: {} },
    );
    const result = await push(["--to", "langfuse", "--dataset", "regressions", "--in", jsonlFile(failures)], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "push stopped: Langfuse refused POST /api/public/dataset-items (HTTP 400: Invalid body",
    );
    expect(result.stderr).not.toContain("sk-lf-2");
    expect(result.stderr).not.toContain("pk-lf-1");
    expect(result.stderr).not.toContain(btoa("pk-lf-1:sk-lf-2"));
    expect(result.stderr).toContain("[redacted]");
  });

  it("a vendor that keeps failing stops the push after the last try, saying to run it again", async () => {
    server = await vendorServer(() => ({ status: 502, body: { message: "Bad gateway" } }));
    const result = await push(
      ["--to", "langfuse", "--dataset", "regressions", "--in", jsonlFile(failures)],
      env(),
      createPushCommand({ env: env(), retry: FAST }),
    );
    expect(result.code).toBe(1);
    expect(server.received).toHaveLength(FAST.attempts);
    expect(result.stderr).toContain(
      "Langfuse still failing after 4 tries (HTTP 502: Bad gateway). Run it again to go on.",
    );
  });

  it("names the missing credential", async () => {
    const result = await push(["--to", "langfuse", "--dataset", "x", "--in", jsonlFile(failures)], {
      LANGFUSE_PUBLIC_KEY: "pk-lf-1",
    });
    expect(result).toMatchObject({ code: 1, stderr: "Set LANGFUSE_SECRET_KEY to push to langfuse.\n" });
  });
});

describe("react-feedback-loop push --to langsmith", () => {
  const env = () => ({ LANGSMITH_ENDPOINT: server.url, LANGSMITH_API_KEY: "lsv2_pt_secret" });

  it("creates the dataset once and uploads the examples its SDK's way, each with its source run", async () => {
    const langsmith = langsmithDatasets();
    server = await vendorServer(langsmith.reply);
    const path = jsonlFile(failures);
    const first = await push(["--to", "langsmith", "--dataset", "regressions", "--in", path], env());
    expect(first.code).toBe(0);
    expect(server.received.every((r) => r.headers["x-api-key"] === "lsv2_pt_secret")).toBe(true);
    expect(langsmith.datasets.size).toBe(1);
    expect(langsmith.examples.size).toBe(3);
    const m1 = [...langsmith.examples.values()].find((example) =>
      [...example.parts.values()].some(
        (part) => (part as { metadata?: { messageId?: string } }).metadata?.messageId === "m1",
      ),
    );
    const parts = [...(m1?.parts.entries() ?? [])];
    expect(parts.map(([name]) => name.replace(/^[0-9a-f-]{36}/, "<id>"))).toEqual([
      "<id>",
      "<id>.inputs",
      "<id>.outputs",
    ]);
    expect(parts[0]?.[1]).toMatchObject({ source_run_id: RUN_1, metadata: { badOutput: "Sydney." } });
    expect(parts[1]?.[1]).toEqual({ messages: PROMPT });
    expect(parts[2]?.[1]).toEqual({ output: "Canberra." });

    const second = await push(["--to", "langsmith", "--dataset", "regressions", "--in", path], env());
    expect(second.code).toBe(0);
    expect(langsmith.examples.size).toBe(3);
    expect(second.stderr).toContain('0 items sent to LangSmith dataset "regressions", 3 already there');

    const third = await push(
      ["--to", "langsmith", "--dataset", "regressions", "--in", jsonlFile([...failures, newFailure])],
      env(),
    );
    expect(third.stderr).toContain("1 item sent to LangSmith dataset");
    expect(langsmith.examples.size).toBe(4);
  });

  it("--dry-run shows the dataset's id, which LangSmith gives only when asked, as {dataset_id}", async () => {
    const result = await push(["--to", "langsmith", "--dataset", "d", "--in", jsonlFile(failures), "--dry-run"], {});
    const paths = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).path as string);
    expect(paths[0]).toBe("/datasets?name=d&limit=1");
    expect(paths[2]).toMatch(/^\/examples\?dataset=\{dataset_id\}&limit=3&id=/);
    expect(paths[3]).toBe("/v1/platform/datasets/{dataset_id}/examples");
  });

  it("a refusal names LangSmith's detail without the key", async () => {
    server = await vendorServer(() => ({ status: 403, body: { detail: "Forbidden for lsv2_pt_secret" } }));
    const result = await push(["--to", "langsmith", "--dataset", "regressions", "--in", jsonlFile(failures)], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("LangSmith refused GET /datasets (HTTP 403: Forbidden for [redacted])");
  });
});

describe("react-feedback-loop push --to phoenix", () => {
  it("appends the examples with stable ids and their span ids; pushing twice adds nothing", async () => {
    const phoenix = phoenixDatasets();
    server = await vendorServer(phoenix.reply);
    const env = { PHOENIX_BASE_URL: server.url, PHOENIX_API_KEY: "px-key" };
    const path = jsonlFile(failures);
    expect((await push(["--to", "phoenix", "--dataset", "regressions", "--in", path], env)).code).toBe(0);
    expect((await push(["--to", "phoenix", "--dataset", "regressions", "--in", path], env)).code).toBe(0);
    expect(server.received.map((r) => r.path)).toEqual([
      "/v1/datasets/upload?sync=true",
      "/v1/datasets/upload?sync=true",
    ]);
    expect(server.received[0]?.headers.authorization).toBe("Bearer px-key");
    const examples = [...(phoenix.datasets.get("regressions")?.values() ?? [])];
    expect(examples).toHaveLength(3);
    expect(examples.map((example) => example.spanId)).toContain(SPAN_1);
    expect(examples.map((example) => example.output)).toContainEqual({ output: "Canberra." });
  });

  it("reads PHOENIX_HOST when PHOENIX_BASE_URL is not set", async () => {
    const phoenix = phoenixDatasets();
    server = await vendorServer(phoenix.reply);
    const { port } = new URL(server.url);
    const result = await push(["--to", "phoenix", "--dataset", "r", "--in", jsonlFile(failures)], {
      PHOENIX_HOST: "127.0.0.1",
      PHOENIX_PORT: port,
    });
    expect(result.code).toBe(0);
    expect(phoenix.datasets.get("r")?.size).toBe(3);
  });
});

describe("react-feedback-loop push, as the CLI", () => {
  it("is listed in the help and refuses an unknown vendor with the usage", async () => {
    const stdout = textStream();
    const stderr = textStream();
    const io = { stdin: Readable.from([]), stdout: stdout.stream, stderr: stderr.stream, cwd: tmpdir() };
    await main(["--help"], io);
    expect(stdout.text()).toMatch(/push\s+upsert the regression set/);
    expect(await main(["push", "--to", "weave", "--dataset", "x"], io)).toBe(1);
    expect(stderr.text()).toContain('--to must be one of langfuse, langsmith, phoenix (got "weave").');
  });

  it("reads the events from standard input when --in is absent, and reports invalid lines", async () => {
    const langfuse = langfuseDatasets();
    server = await vendorServer(langfuse.reply);
    const stdout = textStream();
    const stderr = textStream();
    const lines = `${failures.map((event) => JSON.stringify(event)).join("\n")}\nnot json\n`;
    const code = await createPushCommand({
      env: { LANGFUSE_BASE_URL: server.url, LANGFUSE_PUBLIC_KEY: "pk-lf-1", LANGFUSE_SECRET_KEY: "sk-lf-2" },
    }).run(["--to", "langfuse", "--dataset", "regressions"], {
      stdin: Readable.from([lines]),
      stdout: stdout.stream,
      stderr: stderr.stream,
      cwd: tmpdir(),
    });
    expect(code).toBe(0);
    expect(langfuse.items.size).toBe(3);
    expect(stderr.text()).toContain("1 invalid line skipped:\n  line 6: not JSON");
  });
});
