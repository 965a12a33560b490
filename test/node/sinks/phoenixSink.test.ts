import { phoenixSink } from "../../../src/sinks/phoenixSink";
import { event, everyKind, sendOptions } from "../support/events";
import { type Received, type VendorServer, vendorServer } from "../support/vendorServer";

let server: VendorServer;
afterEach(() => server?.close());

type Body = { data: { span_id?: string; trace_id?: string; name: string; identifier: string }[] };
const data = (request: Received) => (request.body as Body).data;
const inserted = (request: Received) => ({
  status: 200,
  body: { data: data(request).map((_, i) => ({ id: `A${i}` })) },
});

const BAD_SPAN = "badbadbadbadbad0";

describe("phoenixSink against a Phoenix stand-in", () => {
  it("posts HUMAN span annotations synchronously in one request, with the API key as Bearer", async () => {
    server = await vendorServer(inserted);
    const events = everyKind();
    const result = await phoenixSink({ baseUrl: server.url, apiKey: "px-key" }).send(events, sendOptions());
    expect(result.accepted).toEqual(events.map((e) => e.id));
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.path).toBe("/v1/span_annotations?sync=true");
    expect(server.received[0]?.headers.authorization).toBe("Bearer px-key");
  });

  it("one user's vote upserts: the same identifier for the first vote and the change", async () => {
    server = await vendorServer(inserted);
    const sink = phoenixSink({ baseUrl: server.url });
    await sink.send([event({ type: "rating", value: "up", previous: null })], sendOptions());
    await sink.send([event({ type: "rating", value: "down", previous: "up" })], sendOptions());
    const [first, second] = server.received.map((r) => data(r)[0]);
    expect(first?.identifier).toBe("user-7:msg-1:rating");
    expect(second?.identifier).toBe(first?.identifier);
    expect(second?.name).toBe(first?.name);
  });

  it("only a trace known: a trace annotation; neither: refused with a reason, the rest goes on", async () => {
    server = await vendorServer(inserted);
    const traceOnly = event({ type: "rating", value: "up", previous: null }, { spanId: undefined });
    const nothing = event({ type: "rating", value: "up", previous: null }, { spanId: undefined, traceId: undefined });
    const badSpan = event({ type: "copy", source: "button", chars: 1, fraction: 1 }, { spanId: "not-hex" });
    const result = await phoenixSink({ baseUrl: server.url }).send([traceOnly, nothing, badSpan], sendOptions());
    expect(result.accepted).toEqual([traceOnly.id]);
    expect(result.rejected).toEqual([
      { id: nothing.id, reason: expect.stringContaining("spanId") },
      { id: badSpan.id, reason: expect.stringContaining("16 hex") },
    ]);
    expect(server.received.map((r) => r.path)).toEqual(["/v1/trace_annotations?sync=true"]);
    expect(data(server.received[0] as Received)[0]?.trace_id).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
  });

  it("a 404 naming a missing span refuses that event and sends the others again at once", async () => {
    server = await vendorServer((request) => {
      const missing = data(request).filter((item) => item.span_id === BAD_SPAN);
      return missing.length > 0
        ? { status: 404, body: { detail: `Spans with IDs ${BAD_SPAN} do not exist.` } }
        : inserted(request);
    });
    const events = [
      ...everyKind().slice(0, 3),
      event({ type: "copy", source: "code", chars: 2, fraction: 0.1 }, { spanId: BAD_SPAN }),
    ];
    const result = await phoenixSink({ baseUrl: server.url }).send(events, sendOptions());
    expect(result.rejected).toEqual([{ id: events[3]?.id, reason: `Phoenix has no span ${BAD_SPAN} (HTTP 404)` }]);
    expect(result.accepted).toEqual(events.slice(0, 3).map((e) => e.id));
    expect(server.received.map((r) => data(r).length)).toEqual([4, 3]);
  });

  it("a 422 pointing at one item (loc body.data.i) refuses that one only", async () => {
    server = await vendorServer((request) => {
      const index = data(request).findIndex((item) => item.name === "user_copy");
      return index >= 0
        ? {
            status: 422,
            body: { detail: [{ loc: ["body", "data", index, "result"], msg: "Input should be valid", type: "x" }] },
          }
        : inserted(request);
    });
    const events = everyKind();
    const copy = events.find((e) => e.type === "copy");
    const result = await phoenixSink({ baseUrl: server.url }).send(events, sendOptions());
    expect(result.rejected).toEqual([{ id: copy?.id, reason: "HTTP 422: result Input should be valid" }]);
    expect(result.accepted).toHaveLength(events.length - 1);
  });

  it("a 404 that names nothing is narrowed down one request per item", async () => {
    server = await vendorServer((request) =>
      data(request).some((item) => item.name === "user_regenerate")
        ? { status: 404, body: "Span not found" }
        : inserted(request),
    );
    const events = everyKind().slice(0, 5);
    const result = await phoenixSink({ baseUrl: server.url }).send(events, sendOptions());
    expect(result.rejected).toEqual([{ id: events[4]?.id, reason: "HTTP 404: Span not found" }]);
    expect(result.accepted).toEqual(events.slice(0, 4).map((e) => e.id));
  });

  it("429 with Retry-After retries the whole request later", async () => {
    server = await vendorServer(() => ({ status: 429, headers: { "retry-after": "4" } }));
    const events = everyKind().slice(0, 2);
    const result = await phoenixSink({ baseUrl: server.url }).send(events, sendOptions());
    expect(result).toEqual({
      accepted: [],
      retry: events.map((e) => e.id),
      rejected: [],
      retryAfterMs: 4000,
      reason: "HTTP 429",
    });
  });
});
