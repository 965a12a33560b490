import type { FeedbackEvent } from "../../src";
import { httpSink } from "../../src/sinks/httpSink";

const events = [{ id: "e1" }, { id: "e2" }] as unknown as FeedbackEvent[];
const options = (keepalive = false) => ({ signal: new AbortController().signal, keepalive });

function stubFetch(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

describe("httpSink", () => {
  it('POSTs {"events": [...]} as JSON with the app\'s headers', async () => {
    const { calls, fetch } = stubFetch(() => new Response(null, { status: 204 }));
    const sink = httpSink({ url: "/api/feedback", headers: { Authorization: "Bearer t" }, fetch });
    await expect(sink.send(events, options())).resolves.toMatchObject({ accepted: ["e1", "e2"] });
    expect(calls[0]?.url).toBe("/api/feedback");
    expect(calls[0]?.init).toMatchObject({ method: "POST", keepalive: false, credentials: "same-origin" });
    expect(calls[0]?.init.headers).toEqual({ Authorization: "Bearer t", "Content-Type": "application/json" });
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({ events });
  });

  it.each([408, 429, 500, 503])("asks to retry on %i, with Retry-After", async (status) => {
    const { fetch } = stubFetch(() => new Response("busy", { status, headers: { "Retry-After": "7" } }));
    const result = await httpSink({ url: "/x", fetch }).send(events, options());
    expect(result).toMatchObject({ accepted: [], retry: ["e1", "e2"], retryAfterMs: 7000, reason: `HTTP ${status}` });
  });

  it.each([400, 401, 404, 413, 422])("refuses for good on %i, with the body as the reason", async (status) => {
    const { fetch } = stubFetch(() => new Response("bad messageId", { status }));
    const result = await httpSink({ url: "/x", fetch }).send(events, options());
    expect(result.rejected).toEqual([
      { id: "e1", reason: `HTTP ${status}: bad messageId` },
      { id: "e2", reason: `HTTP ${status}: bad messageId` },
    ]);
    expect(result.retry).toEqual([]);
  });

  it("follows a per-event answer and retries ids it leaves out", async () => {
    const body = { results: [{ id: "e1", status: "rejected", reason: "unknown trace" }] };
    const { fetch } = stubFetch(() => Response.json(body));
    const result = await httpSink({ url: "/x", fetch }).send(events, options());
    expect(result).toMatchObject({ accepted: [], retry: ["e2"], rejected: [{ id: "e1", reason: "unknown trace" }] });
  });

  it("throws on a network error, so the queue retries", async () => {
    const fetch = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof globalThis.fetch;
    await expect(httpSink({ url: "/x", fetch }).send(events, options())).rejects.toThrow("network error");
  });

  it("in beacon mode, sends page-exit requests as text/plain without custom headers (no preflight)", async () => {
    const { calls, fetch } = stubFetch(() => new Response(null, { status: 200 }));
    const sink = httpSink({ url: "/x", headers: { "X-Key": "k" }, beacon: true, fetch });
    await sink.send(events, options(true));
    await sink.send(events, options(false));
    expect(calls[0]?.init).toMatchObject({ keepalive: true, headers: { "Content-Type": "text/plain;charset=UTF-8" } });
    expect(calls[1]?.init.headers).toEqual({ "X-Key": "k", "Content-Type": "application/json" });
  });
});
