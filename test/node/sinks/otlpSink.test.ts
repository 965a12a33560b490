import { otlpSink } from "../../../src/sinks/otlpSink";
import { everyKind, sendOptions } from "../support/events";
import { type Received, type VendorServer, vendorServer } from "../support/vendorServer";

let server: VendorServer;
afterEach(() => server?.close());

describe("otlpSink against an OTLP/HTTP collector stand-in", () => {
  it("posts JSON to /v1/logs with the given headers, one batch per request", async () => {
    server = await vendorServer(() => ({ status: 200, body: {} }));
    const events = everyKind();
    const sink = otlpSink({ url: server.url, headers: { "x-honeycomb-team": "abc" } });
    const result = await sink.send(events, sendOptions());
    expect(result.accepted).toEqual(events.map((e) => e.id));
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({
      path: "/v1/logs",
      headers: { "content-type": "application/json", "x-honeycomb-team": "abc" },
    });
  });

  it("keeps a full /v1/logs URL as given", async () => {
    server = await vendorServer(() => ({ status: 200, body: {} }));
    await otlpSink({ url: `${server.url}/otlp/v1/logs` }).send(everyKind().slice(0, 1), sendOptions());
    expect(server.received[0]?.path).toBe("/otlp/v1/logs");
  });

  it("a partial success that rejected records refuses the batch with the collector's message (never resent)", async () => {
    server = await vendorServer(() => ({
      status: 200,
      body: { partialSuccess: { rejectedLogRecords: "1", errorMessage: "attribute too long" } },
    }));
    const events = everyKind().slice(0, 3);
    const result = await otlpSink({ url: server.url }).send(events, sendOptions());
    expect(result.accepted).toEqual([]);
    expect(result.retry).toEqual([]);
    expect(result.rejected).toEqual(
      events.map((e) => ({ id: e.id, reason: "the collector rejected 1 of 3 log records: attribute too long" })),
    );
  });

  it("a partial success with nothing rejected (only a warning) is a success", async () => {
    server = await vendorServer(() => ({
      status: 200,
      body: { partialSuccess: { errorMessage: "deprecated field" } },
    }));
    const events = everyKind().slice(0, 2);
    expect((await otlpSink({ url: server.url }).send(events, sendOptions())).accepted).toHaveLength(2);
  });

  it("429 and 503 with Retry-After are retried; 400 is refused", async () => {
    const events = everyKind().slice(0, 2);
    server = await vendorServer(() => ({ status: 429, headers: { "retry-after": "9" } }));
    expect(await otlpSink({ url: server.url }).send(events, sendOptions())).toMatchObject({
      retry: events.map((e) => e.id),
      retryAfterMs: 9000,
    });
    await server.close();
    server = await vendorServer(() => ({ status: 400, body: { message: "bad payload" } }));
    expect((await otlpSink({ url: server.url }).send(events, sendOptions())).rejected).toEqual(
      events.map((e) => ({ id: e.id, reason: "HTTP 400: bad payload" })),
    );
  });

  it("gen_ai.response.id is the model's response id from metadata.responseId; the message id is feedback.message_id", async () => {
    server = await vendorServer(() => ({ status: 200, body: {} }));
    const [withResponse] = everyKind({ metadata: { responseId: "chatcmpl-9abc" } });
    const [without] = everyKind();
    if (!withResponse || !without) throw new Error("no event");
    await otlpSink({ url: server.url }).send([withResponse, without], sendOptions());
    type Body = {
      resourceLogs: { scopeLogs: { logRecords: { attributes: { key: string; value: unknown }[] }[] }[] }[];
    };
    const records = ((server.received[0] as Received).body as Body).resourceLogs[0]?.scopeLogs[0]?.logRecords ?? [];
    const attribute = (index: number, key: string) =>
      records[index]?.attributes.find((item) => item.key === key)?.value;
    expect(attribute(0, "gen_ai.response.id")).toEqual({ stringValue: "chatcmpl-9abc" });
    expect(attribute(1, "gen_ai.response.id")).toBeUndefined();
    expect(attribute(0, "feedback.message_id")).toEqual({ stringValue: "msg-1" });
    expect(attribute(1, "feedback.message_id")).toEqual({ stringValue: "msg-1" });
  });

  it("a log record without trace context is still sent, with the original id kept as an attribute", async () => {
    server = await vendorServer(() => ({ status: 200, body: {} }));
    const [first] = everyKind({ traceId: "run-abc", spanId: undefined });
    if (!first) throw new Error("no event");
    await otlpSink({ url: server.url }).send([first], sendOptions());
    const body = server.received[0]?.body as {
      resourceLogs: { resource: unknown; scopeLogs: { logRecords: Record<string, unknown>[] }[] }[];
    };
    const record = body.resourceLogs[0]?.scopeLogs[0]?.logRecords[0];
    expect(record).not.toHaveProperty("traceId");
    expect(record?.attributes).toContainEqual({ key: "feedback.trace_id", value: { stringValue: "run-abc" } });
    expect(body.resourceLogs[0]?.resource).toEqual({
      attributes: [{ key: "service.name", value: { stringValue: "support-bot" } }],
    });
  });
});
