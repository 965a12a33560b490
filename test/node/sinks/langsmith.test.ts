import { FeedbackError } from "../../../src/errors";
import { createLangSmithFeedbackToken } from "../../../src/server/createLangSmithFeedbackToken";
import { langsmithApiSink } from "../../../src/sinks/langsmithApiSink";
import { langsmithSink } from "../../../src/sinks/langsmithSink";
import { event, everyKind, RUN_ID, sendOptions } from "../support/events";
import { type VendorServer, vendorServer } from "../support/vendorServer";

let server: VendorServer;
afterEach(() => server?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("langsmithApiSink against a LangSmith stand-in", () => {
  it("posts /feedback with run_id, key, score, comment, correction and a stable UUID, using x-api-key", async () => {
    server = await vendorServer(() => ({ status: 200, body: {} }));
    const events = everyKind();
    const result = await langsmithApiSink({ apiKey: "lsv2_secret", apiUrl: server.url }).send(events, sendOptions());
    expect(result.accepted).toEqual(events.map((e) => e.id));
    const posts = server.received.filter((r) => r.method === "POST");
    expect(posts.every((r) => r.path === "/feedback" && r.headers["x-api-key"] === "lsv2_secret")).toBe(true);
    const down = posts.find((r) => (r.body as { comment?: string }).comment === "Made up a URL")?.body;
    expect(down).toMatchObject({ run_id: RUN_ID, key: "user_feedback", score: 0, value: "down" });
    expect((down as { id: string }).id).toMatch(UUID);
    expect(down).toMatchObject({
      feedback_source: { type: "api", metadata: { reasons: ["hallucination", "format"] } },
    });
    const edit = posts.find((r) => (r.body as { key: string }).key === "user_edit")?.body;
    expect(edit).toMatchObject({ correction: "Hello world", score: 0.5 });
  });

  it("a changed vote updates the same feedback: 409 on create becomes a PATCH of that id", async () => {
    server = await vendorServer((request) =>
      request.method === "POST" ? { status: 409, body: { detail: "exists" } } : { status: 200, body: {} },
    );
    const down = event({ type: "rating", value: "down", previous: "up" });
    const result = await langsmithApiSink({ apiKey: "k", apiUrl: server.url }).send([down], sendOptions());
    expect(result.accepted).toEqual([down.id]);
    const [post, patch] = server.received;
    expect(patch?.method).toBe("PATCH");
    expect(patch?.path).toBe(`/feedback/${(post?.body as { id?: string } | undefined)?.id}`);
    expect(patch?.body).toEqual({ score: 0, value: "down", comment: null });
  });

  it("a withdrawn vote deletes the feedback; nothing to delete is fine", async () => {
    server = await vendorServer(() => ({ status: 404, body: { detail: "Resource not found" } }));
    const withdrawn = event({ type: "rating", value: null, previous: "up" });
    const result = await langsmithApiSink({ apiKey: "k", apiUrl: server.url }).send([withdrawn], sendOptions());
    expect(result.accepted).toEqual([withdrawn.id]);
    expect(server.received[0]?.method).toBe("DELETE");
  });

  it("an event without a run id is refused with a reason, and one 4xx never drops the others", async () => {
    server = await vendorServer((request) =>
      (request.body as { key?: string } | undefined)?.key === "user_copy"
        ? { status: 422, body: { detail: "bad" } }
        : { status: 200 },
    );
    const noRun = event({ type: "rating", value: "up", previous: null }, { runId: undefined });
    const events = [noRun, ...everyKind()];
    const result = await langsmithApiSink({ apiKey: "k", apiUrl: server.url }).send(events, sendOptions());
    expect(result.rejected).toEqual([
      { id: noRun.id, reason: expect.stringContaining("runId") },
      { id: events.find((e) => e.type === "copy")?.id, reason: "HTTP 422: bad" },
    ]);
    expect(result.accepted).toHaveLength(events.length - 2);
  });

  it("falls back to a UUID trace id as the run (a LangSmith root run)", async () => {
    server = await vendorServer(() => ({ status: 200 }));
    const one = event({ type: "rating", value: "up", previous: null }, { runId: undefined, traceId: RUN_ID });
    await langsmithApiSink({ apiKey: "k", apiUrl: server.url }).send([one], sendOptions());
    expect(server.received[0]?.body).toMatchObject({ run_id: RUN_ID });
  });

  it("429 with Retry-After is retried later", async () => {
    server = await vendorServer(() => ({ status: 429, headers: { "retry-after": "2" } }));
    const one = event({ type: "rating", value: "up", previous: null });
    const result = await langsmithApiSink({ apiKey: "k", apiUrl: server.url }).send([one], sendOptions());
    expect(result).toEqual({ accepted: [], retry: [one.id], rejected: [], retryAfterMs: 2000, reason: "HTTP 429" });
  });
});

describe("langsmithSink (browser, presigned URLs)", () => {
  it("posts score, value, comment, correction and metadata to the URL the app's function gives, without a key", async () => {
    server = await vendorServer(() => ({ status: 200, body: {} }));
    const seen: { runId: string; key: string }[] = [];
    const sink = langsmithSink({
      feedbackUrl: (_event, feedback) => {
        seen.push(feedback);
        return `${server.url}/feedback/tokens/${feedback.key}`;
      },
    });
    const down = event({ type: "rating", value: "down", previous: null, comment: "no" });
    const result = await sink.send([down], sendOptions());
    expect(result.accepted).toEqual([down.id]);
    expect(seen).toEqual([{ runId: RUN_ID, key: "user_feedback" }]);
    const [request] = server.received;
    expect(request?.path).toBe("/feedback/tokens/user_feedback");
    expect(request?.headers["x-api-key"]).toBeUndefined();
    expect(request?.body).toMatchObject({ score: 0, value: "down", comment: "no", metadata: { messageId: "msg-1" } });
  });

  it("asks the app's endpoint for a URL ({ runId, key } → { url }), posts there, and honours its failures", async () => {
    server = await vendorServer((request) => {
      if (request.path !== "/api/langsmith-url") return { status: 200 };
      const key = (request.body as { key: string }).key;
      return key === "user_copy" ? { status: 503 } : { status: 200, body: { url: `${server.url}/feedback/tokens/t1` } };
    });
    const sink = langsmithSink({ feedbackUrl: `${server.url}/api/langsmith-url` });
    const copy = event({ type: "copy", source: "button", chars: 1, fraction: 1 });
    const up = event({ type: "rating", value: "up", previous: null });
    const result = await sink.send([copy, up], sendOptions());
    expect(result.retry).toEqual([copy.id]);
    expect(result.accepted).toEqual([up.id]);
    expect(server.received.map((r) => [r.path, r.body])).toContainEqual([
      "/api/langsmith-url",
      { runId: RUN_ID, key: "user_copy" },
    ]);
    expect(server.received.filter((r) => r.path === "/feedback/tokens/t1")).toHaveLength(1);
  });

  it("an event the app gives no URL for is refused with a reason", async () => {
    const one = event({ type: "rating", value: "up", previous: null });
    const result = await langsmithSink({ feedbackUrl: () => undefined }).send([one], sendOptions());
    expect(result.rejected).toEqual([{ id: one.id, reason: expect.stringContaining("no presigned") }]);
  });
});

describe("createLangSmithFeedbackToken", () => {
  it("calls POST /feedback/tokens with run_id, feedback_key and expires_in, and returns the URL", async () => {
    server = await vendorServer(() => ({
      status: 200,
      body: { id: "t1", url: "https://api.smith.langchain.com/feedback/tokens/t1", expires_at: "2026-11-24T12:00:00Z" },
    }));
    const token = await createLangSmithFeedbackToken({
      apiKey: "lsv2_secret",
      apiUrl: server.url,
      runId: RUN_ID,
      feedbackKey: "user_feedback",
      expiresIn: { hours: 1 },
    });
    expect(token).toEqual({
      id: "t1",
      url: "https://api.smith.langchain.com/feedback/tokens/t1",
      expiresAt: "2026-11-24T12:00:00Z",
    });
    expect(server.received[0]).toMatchObject({
      path: "/feedback/tokens",
      headers: { "x-api-key": "lsv2_secret" },
      body: { run_id: RUN_ID, feedback_key: "user_feedback", expires_in: { hours: 1 } },
    });
  });

  it("throws a FeedbackError naming LangSmith's answer, never the key", async () => {
    server = await vendorServer(() => ({ status: 403, body: { detail: "Forbidden" } }));
    const attempt = createLangSmithFeedbackToken({
      apiKey: "lsv2_secret",
      apiUrl: server.url,
      runId: RUN_ID,
      feedbackKey: "k",
    });
    await expect(attempt).rejects.toThrow(FeedbackError);
    await expect(attempt).rejects.toThrow(/HTTP 403: Forbidden/);
    await expect(attempt).rejects.not.toThrow(/lsv2_secret/);
  });
});
