import { FeedbackError } from "../../src/errors";
import { langfuseSink } from "../../src/sinks/langfuseSink";
import { event } from "../node/support/events";

describe("langfuseSink in a browser", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("refuses a secret key with a sentence that points to the relay", () => {
    const make = () =>
      langfuseSink({ baseUrl: "https://cloud.langfuse.com", publicKey: "pk-lf-1", secretKey: "sk-lf-2" });
    expect(make).toThrow(FeedbackError);
    expect(make).toThrow(/createFeedbackHandler/);
  });

  it("accepts the public key alone", () => {
    expect(langfuseSink({ baseUrl: "https://cloud.langfuse.com", publicKey: "pk-lf-1" }).name).toBe("langfuse");
  });

  it("against a server that answers 401 to the public key on /scores, sends the score through ingestion", async () => {
    const calls: { url: string; body: { batch?: { id: string; type: string }[] } }[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      calls.push({ url, body });
      if (url.endsWith("/api/public/scores")) return new Response('{"message":"Unauthorized"}', { status: 401 });
      const successes = body.batch.map((item: { id: string }) => ({ id: item.id, status: 201 }));
      return new Response(JSON.stringify({ successes, errors: [] }), { status: 207 });
    });
    const vote = event({ type: "rating", value: "up", previous: null }, { messageId: "m1" });
    const sink = langfuseSink({ baseUrl: "https://langfuse.example", publicKey: "pk-lf-1" });
    const result = await sink.send([vote], { signal: new AbortController().signal, keepalive: false });
    expect(result.accepted).toEqual([vote.id]);
    expect(calls.map((call) => call.url)).toEqual([
      "https://langfuse.example/api/public/scores",
      "https://langfuse.example/api/public/ingestion",
    ]);
    expect(calls[1]?.body.batch).toEqual([expect.objectContaining({ type: "score-create" })]);
  });
});
