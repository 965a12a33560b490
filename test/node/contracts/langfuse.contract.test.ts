import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { langfuseScores, langfuseSink } from "../../../src/sinks/langfuseSink";
import { ingestionOutcomes, scoreCreate } from "../../../src/sinks/vendor/langfuseIngestion";
import { event, everyKind } from "../support/events";
import { vendorServer } from "../support/vendorServer";
import { contractsDir } from "./contractsDir";
import { openApiValidator } from "./openApiValidator";

const openapi = parse(readFileSync(path.join(contractsDir(), "langfuse/openapi.yml"), "utf8"), { maxAliasCount: -1 });
const validateCreateScore = openApiValidator(openapi, "CreateScoreRequest");
const validateIngestionEvent = openApiValidator(openapi, "IngestionEvent");
const validateIngestionResponse = openApiValidator(openapi, "IngestionResponse");

describe("Langfuse scores against Langfuse's own CreateScoreRequest schema", () => {
  const scores = everyKind().flatMap(
    (item) => langfuseScores(item) as Exclude<ReturnType<typeof langfuseScores>, string>,
  );

  it("maps every event kind to scores", () => {
    expect(scores.length).toBeGreaterThan(everyKind().length);
  });

  it.each(scores.map((score) => [`${score.name} (${score.dataType})`, score]))("%s validates", (_name, score) => {
    const valid = validateCreateScore(score);
    expect(validateCreateScore.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the validator is real: it refuses a score without a name or with a wrong data type", () => {
    expect(validateCreateScore({ value: 1 })).toBe(false);
    expect(validateCreateScore({ name: "x", value: 1, dataType: "THUMBS" })).toBe(false);
  });

  it.each(scores.map((score) => [score.name, score]))(
    "%s keeps the documented rules the schema cannot say",
    (_n, score) => {
      // Exactly one subject; BOOLEAN is 0/1; CATEGORICAL and CORRECTION values are strings; environment charset.
      expect([score.traceId, score.sessionId].filter(Boolean)).toHaveLength(1);
      if (score.dataType === "BOOLEAN") expect([0, 1]).toContain(score.value);
      if (score.dataType === "NUMERIC") expect(typeof score.value).toBe("number");
      if (score.dataType === "CATEGORICAL" || score.dataType === "CORRECTION")
        expect(typeof score.value).toBe("string");
      expect(score.environment).toMatch(/^(?!langfuse)[a-z0-9_-]+$/);
    },
  );

  it("a session-only event becomes a session score that also validates", () => {
    const scores = langfuseScores(event({ type: "rating", value: "up", previous: null }, { traceId: undefined }));
    const score = typeof scores === "string" ? scores : scores[0];
    expect(score).toMatchObject({ sessionId: "session-1" });
    expect(score).not.toHaveProperty("traceId");
    expect(validateCreateScore(score)).toBe(true);
  });
});

describe("the ingestion fallback against Langfuse's IngestionEvent and IngestionResponse schemas", () => {
  const items = everyKind().flatMap((item) => {
    const scores = langfuseScores(item);
    return typeof scores === "string" ? [] : scores.map((score) => scoreCreate(score, item.id, item.ts));
  });

  it.each(items.map((item) => [`${item.body.name} (${item.body.dataType})`, item]))("%s validates", (_n, item) => {
    const valid = validateIngestionEvent(item);
    expect(validateIngestionEvent.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the validator is real: an item without a timestamp or with an unknown type fails", () => {
    const [item] = items;
    expect(validateIngestionEvent({ ...item, timestamp: undefined })).toBe(false);
    expect(validateIngestionEvent({ ...item, type: "score-upsert" })).toBe(false);
  });

  it("what the sink sends after a 401 on /scores validates, item by item, as a score-create batch", async () => {
    const server = await vendorServer((request) =>
      request.path === "/api/public/scores"
        ? { status: 401, body: { message: "Unauthorized" } }
        : { status: 207, body: { successes: [], errors: [] } },
    );
    try {
      await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send(everyKind(), {
        signal: new AbortController().signal,
        keepalive: false,
      });
    } finally {
      await server.close();
    }
    const ingestion = server.received.find((request) => request.path === "/api/public/ingestion");
    const { batch } = (ingestion?.body ?? { batch: [] }) as { batch: unknown[] };
    expect(batch.length).toBeGreaterThan(everyKind().length);
    for (const item of batch) {
      const valid = validateIngestionEvent(item);
      expect(validateIngestionEvent.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it("a documented 207 answer maps per item: success stored, 5xx retried, 4xx refused with Langfuse's message", () => {
    const [a, b, c, d] = items.map((item) => item.id);
    const body = {
      successes: [{ id: a, status: 201 }],
      errors: [
        { id: b, status: 500, message: "Internal Server Error" },
        { id: c, status: 400, message: "Invalid request data", error: ["value: Expected number"] },
      ],
    };
    expect(validateIngestionResponse(body)).toBe(true);
    const outcomes = ingestionOutcomes([a, b, c, d] as string[], {
      status: 207,
      headers: new Headers(),
      body: JSON.stringify(body),
    });
    expect([...outcomes.values()]).toEqual([
      { status: "accepted" },
      { status: "retry", reason: "HTTP 500" },
      { status: "rejected", reason: "HTTP 400: Invalid request data" },
      { status: "retry" },
    ]);
  });
});

it("a session-only edit sends no CORRECTION, and its similarity score validates", () => {
  const edit = everyKind({ traceId: undefined, spanId: undefined }).find((item) => item.type === "edit");
  const scores = edit ? langfuseScores(edit) : "no edit";
  if (typeof scores === "string") throw new Error(scores);
  expect(scores.map((score) => score.dataType)).toEqual(["NUMERIC"]);
  expect(validateCreateScore(scores[0])).toBe(true);
});
