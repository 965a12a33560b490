import type { FeedbackError } from "../../../src/errors";
import { createFeedbackHandler, type RelayResponse } from "../../../src/server/createFeedbackHandler";
import { callbackSink } from "../../../src/sinks/callbackSink";
import { memorySink } from "../../../src/sinks/memorySink";
import type { SendResult } from "../../../src/sinks/types";
import { event, everyKind } from "../support/events";

const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://app.test/api/feedback", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const read = async (response: Response) => (await response.json()) as RelayResponse;

describe("createFeedbackHandler", () => {
  it("forwards valid events and answers 200 listing each accepted id", async () => {
    const sink = memorySink();
    const handler = createFeedbackHandler({ sinks: sink });
    const events = everyKind();
    const response = await handler(post({ events }));
    expect(response.status).toBe(200);
    expect(await read(response)).toEqual({ accepted: events.map((e) => e.id), retry: [], rejected: [] });
    expect(sink.events).toEqual(events);
  });

  it("takes text/plain bodies, as navigator.sendBeacon sends them", async () => {
    const sink = memorySink();
    const one = event({ type: "rating", value: "up", previous: null });
    const response = await createFeedbackHandler({ sinks: sink })(
      post({ events: [one] }, { "content-type": "text/plain;charset=UTF-8" }),
    );
    expect(response.status).toBe(200);
    expect(sink.events).toHaveLength(1);
  });

  it("answers 400 listing the offending field of each invalid event, and never forwards them", async () => {
    const sink = memorySink();
    const bad = { ...event({ type: "copy", source: "button", chars: 1, fraction: 1 }), fraction: 3 };
    const worse = { id: "nope" };
    const response = await createFeedbackHandler({ sinks: sink })(post({ events: [bad, worse] }));
    expect(response.status).toBe(400);
    const body = await read(response);
    expect(body.rejected).toEqual([
      { ids: [bad.id], field: "fraction", reason: "fraction must be a number from 0 to 1" },
      { ids: ["nope"], field: "type", reason: "type is required" },
    ]);
    expect(body.error).toBe("no event could be accepted");
    expect(sink.events).toEqual([]);
  });

  it("answers 207 when some events are valid and some are not; the valid ones go on", async () => {
    const sink = memorySink();
    const good = event({ type: "rating", value: "up", previous: null });
    const response = await createFeedbackHandler({ sinks: sink })(post({ events: [good, { id: "x" }] }));
    expect(response.status).toBe(207);
    const body = await read(response);
    expect(body.accepted).toEqual([good.id]);
    expect(body.rejected).toEqual([{ ids: ["x"], field: "type", reason: "type is required" }]);
    expect(sink.events).toEqual([good]);
  });

  it.each([
    ["not JSON", "{events:", "the body is not JSON"],
    ["no events array", { items: [] }, 'the body must be {"events": [...]}'],
  ])("answers 400 when the body is %s", async (_case, body, error) => {
    const response = await createFeedbackHandler({ sinks: memorySink() })(post(body));
    expect(response.status).toBe(400);
    expect(await read(response)).toEqual({ accepted: [], retry: [], rejected: [], error });
  });

  it("de-duplicates by event id, within a request and across requests (a beacon and a retry)", async () => {
    const sink = memorySink();
    const handler = createFeedbackHandler({ sinks: sink });
    const one = event({ type: "rating", value: "up", previous: null });
    const first = await handler(post({ events: [one, one] }));
    const again = await handler(post({ events: [one] }));
    expect((await read(first)).accepted).toEqual([one.id]);
    expect((await read(again)).accepted).toEqual([one.id]);
    expect(sink.events).toHaveLength(1);
  });

  it("remembers a bounded number of ids: the oldest are forgotten", async () => {
    const sink = memorySink();
    const handler = createFeedbackHandler({ sinks: sink, rememberIds: 2 });
    const [a, b, c] = everyKind();
    for (const item of [a, b, c, a]) await handler(post({ events: [item] }));
    expect(sink.events.map((e) => e.id)).toEqual([a, b, c, a].map((e) => e?.id));
  });

  it("answers 503 with Retry-After when every event should be retried, and asks again next time", async () => {
    let answer: (events: readonly { id: string }[]) => SendResult = (events) => ({
      accepted: [],
      retry: events.map((e) => e.id),
      rejected: [],
      retryAfterMs: 2500,
    });
    const sent: string[] = [];
    const handler = createFeedbackHandler({
      sinks: callbackSink((events) => {
        sent.push(...events.map((e) => e.id));
        return answer(events);
      }),
    });
    const one = event({ type: "rating", value: "up", previous: null });
    const response = await handler(post({ events: [one] }));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await read(response)).toEqual({ accepted: [], retry: [one.id], rejected: [], retryAfterMs: 2500 });
    answer = (events) => ({ accepted: events.map((e) => e.id), retry: [], rejected: [] });
    expect((await handler(post({ events: [one] }))).status).toBe(200);
    expect(sent).toEqual([one.id, one.id]);
  });

  it("answers 207 for a mix of accepted, retried and refused events", async () => {
    const [a, b, c] = everyKind();
    if (!a || !b || !c) throw new Error("fixtures");
    const handler = createFeedbackHandler({
      sinks: callbackSink(() => ({
        accepted: [a.id],
        retry: [b.id],
        rejected: [{ id: c.id, reason: "HTTP 400: no trace" }],
      })),
    });
    const response = await handler(post({ events: [a, b, c] }));
    expect(response.status).toBe(207);
    expect(await read(response)).toEqual({
      accepted: [a.id],
      retry: [b.id],
      rejected: [{ ids: [c.id], reason: "HTTP 400: no trace" }],
      retryAfterMs: 5000,
    });
  });

  it("never echoes a secret: a throwing sink gives a bare 503, a vendor's echoed key is redacted", async () => {
    const errors: FeedbackError[] = [];
    const one = event({ type: "rating", value: "up", previous: null });
    const throwing = createFeedbackHandler({
      sinks: callbackSink(() => {
        throw new Error("fetch https://sk-lf-123@cloud failed with Authorization: Basic cGstbGY6c2stbGY=");
      }),
      onError: (error) => errors.push(error),
    });
    const response = await throwing(post({ events: [one] }));
    const text = await response.text();
    expect(response.status).toBe(503);
    expect(text).not.toMatch(/sk-lf|Basic|cloud/);
    expect(errors[0]?.kind).toBe("sink");

    const echoing = createFeedbackHandler({
      sinks: callbackSink((events) => ({
        accepted: [],
        retry: [],
        rejected: events.map((e) => ({
          id: e.id,
          reason: 'HTTP 401: bad key "sk-lf-abc" in Bearer pk-lf-xyz, api_key=lsv2_pt_9',
        })),
      })),
    });
    const refused = await (await echoing(post({ events: [one] }))).text();
    expect(refused).not.toMatch(/sk-lf-abc|pk-lf-xyz|lsv2_pt_9/);
    expect(refused).toContain("[redacted]");
  });

  it("answers retry when the sinks take longer than timeoutMs, even a sink that ignores the abort signal", async () => {
    let aborted = false;
    const handler = createFeedbackHandler({
      timeoutMs: 1,
      sinks: callbackSink(
        (_events, { signal }) =>
          new Promise<undefined>(() => {
            signal.addEventListener("abort", () => {
              aborted = true;
            });
          }),
      ),
    });
    const one = event({ type: "rating", value: "up", previous: null });
    const response = await handler(post({ events: [one] }));
    expect(response.status).toBe(503);
    expect(aborted).toBe(true);
  });

  it("limits the body: 413 from Content-Length or while reading", async () => {
    const handler = createFeedbackHandler({ sinks: memorySink(), maxBodyBytes: 100 });
    const big = JSON.stringify({ events: everyKind() });
    expect((await handler(post(big))).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = new Request("http://app.test/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect((await handler(chunked)).status).toBe(413);
  });

  it("answers 415 for other content types and 405 for other methods", async () => {
    const handler = createFeedbackHandler({ sinks: memorySink() });
    expect((await handler(post("events=1", { "content-type": "application/x-www-form-urlencoded" }))).status).toBe(415);
    const get = await handler(new Request("http://app.test/api/feedback"));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("lets authorize refuse with 401 or answer with its own Response", async () => {
    const one = event({ type: "rating", value: "up", previous: null });
    const sink = memorySink();
    const refusing = createFeedbackHandler({ sinks: sink, authorize: (request) => request.headers.has("cookie") });
    expect((await refusing(post({ events: [one] }))).status).toBe(401);
    const custom = createFeedbackHandler({ sinks: sink, authorize: () => new Response("go away", { status: 403 }) });
    expect((await custom(post({ events: [one] }))).status).toBe(403);
    expect(sink.events).toEqual([]);
  });

  it("handles CORS preflights for allowed origins only, and marks answers for them", async () => {
    const handler = createFeedbackHandler({
      sinks: memorySink(),
      cors: { origins: ["https://app.example"], credentials: true },
    });
    const preflight = (origin: string) =>
      handler(
        new Request("http://api.test/feedback", {
          method: "OPTIONS",
          headers: {
            origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
          },
        }),
      );
    const allowed = await preflight("https://app.example");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("content-type");
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const answer = await handler(
      post({ events: [] }, { "content-type": "application/json", origin: "https://app.example" }),
    );
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://app.example");
  });

  it("fans out to several sinks: a retry goes only to the sink that has not accepted yet", async () => {
    const healthy = memorySink("healthy");
    let flakyCalls = 0;
    const flaky = callbackSink(
      (events) => {
        flakyCalls++;
        return flakyCalls === 1
          ? { accepted: [], retry: events.map((e) => e.id), rejected: [] }
          : { accepted: events.map((e) => e.id), retry: [], rejected: [] };
      },
      { name: "flaky" },
    );
    const handler = createFeedbackHandler({ sinks: [healthy, flaky] });
    const one = event({ type: "rating", value: "up", previous: null });
    expect((await handler(post({ events: [one] }))).status).toBe(503);
    expect((await handler(post({ events: [one] }))).status).toBe(200);
    expect(healthy.events).toHaveLength(1);
  });
});
