import { langfuseEnvironment, langfuseSink } from "../../../src/sinks/langfuseSink";
import { event, everyKind, sendOptions } from "../support/events";
import { type VendorServer, vendorServer } from "../support/vendorServer";

let server: VendorServer;
afterEach(() => server?.close());

const ok = () => ({ status: 200, body: { id: "x" } });

describe("langfuseSink against a Langfuse stand-in", () => {
  it("posts one score per request to /api/public/scores with the public key as Bearer", async () => {
    server = await vendorServer(ok);
    const events = everyKind();
    const result = await langfuseSink({ baseUrl: `${server.url}/`, publicKey: "pk-lf-1" }).send(events, sendOptions());
    expect(result.accepted).toEqual(events.map((e) => e.id));
    expect(result.retry).toEqual([]);
    expect(server.received.every((r) => r.method === "POST" && r.path === "/api/public/scores")).toBe(true);
    expect(server.received.every((r) => r.headers.authorization === "Bearer pk-lf-1")).toBe(true);
    expect(server.received.every((r) => r.headers["content-type"] === "application/json")).toBe(true);
    // Every event is one score, except an edit (its correction plus a similarity score).
    expect(server.received).toHaveLength(events.length + 1);
  });

  it("a changed vote and a retried request reuse the score id, so Langfuse overwrites instead of adding", async () => {
    server = await vendorServer(ok);
    const sink = langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" });
    const up = event({ type: "rating", value: "up", previous: null });
    const down = event({ type: "rating", value: "down", previous: "up", comment: "wrong" });
    const withdrawn = event({ type: "rating", value: null, previous: "down" });
    await sink.send([up], sendOptions());
    await sink.send([up], sendOptions());
    await sink.send([down, withdrawn], sendOptions());
    const bodies = server.received.map((r) => r.body as { id: string; name: string; value: number });
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(bodies.map((b) => [b.name, b.value])).toEqual([
      ["user_feedback", 1],
      ["user_feedback", 1],
      ["user_feedback", 0],
      ["user_feedback_withdrawn", 1],
    ]);
  });

  it("a 4xx for one score refuses only that event; the others are accepted", async () => {
    server = await vendorServer((request) =>
      (request.body as { name: string }).name === "user_copy"
        ? { status: 400, body: { message: "Invalid request data - score body not valid" } }
        : ok(),
    );
    const events = everyKind();
    const copy = events.find((e) => e.type === "copy");
    const result = await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send(events, sendOptions());
    expect(result.rejected).toEqual([
      { id: copy?.id, reason: "HTTP 400: Invalid request data - score body not valid" },
    ]);
    expect(result.accepted).toHaveLength(events.length - 1);
  });

  it("429 with Retry-After asks to retry that event later; 5xx asks to retry", async () => {
    server = await vendorServer((request) => {
      const name = (request.body as { name: string }).name;
      if (name === "user_copy") return { status: 429, headers: { "retry-after": "7" }, body: { message: "slow down" } };
      if (name === "user_regenerate") return { status: 503 };
      return ok();
    });
    const events = everyKind();
    const result = await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send(events, sendOptions());
    expect(result.retry).toEqual(events.filter((e) => e.type === "copy" || e.type === "regenerate").map((e) => e.id));
    expect(result.retryAfterMs).toBe(7000);
  });

  it("an edit counts as accepted only when both its scores are", async () => {
    server = await vendorServer((request) =>
      (request.body as { dataType: string }).dataType === "CORRECTION" ? { status: 500 } : ok(),
    );
    const edit = everyKind().find((e) => e.type === "edit");
    if (!edit) throw new Error("no edit");
    const result = await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send([edit], sendOptions());
    expect(result.retry).toEqual([edit.id]);
  });

  it("an event with neither trace nor session is refused with a reason; the rest of the batch goes on", async () => {
    server = await vendorServer(ok);
    const lost = event(
      { type: "copy", source: "button", chars: 3, fraction: 1 },
      { traceId: undefined, sessionId: undefined },
    );
    const fine = event({ type: "rating", value: "up", previous: null });
    const result = await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send([lost, fine], sendOptions());
    expect(result.rejected).toEqual([{ id: lost.id, reason: expect.stringContaining("traceId") }]);
    expect(result.accepted).toEqual([fine.id]);
    expect(server.received).toHaveLength(1);
  });

  it("a network failure is retried, never lost", async () => {
    server = await vendorServer(ok);
    const url = server.url;
    await server.close();
    const one = event({ type: "rating", value: "up", previous: null });
    const result = await langfuseSink({ baseUrl: url, publicKey: "pk-lf-1" }).send([one], sendOptions());
    expect(result.retry).toEqual([one.id]);
  });

  it("on a server, a secret key switches to Basic auth", async () => {
    server = await vendorServer(ok);
    const sink = langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1", secretKey: "sk-lf-2" });
    await sink.send([event({ type: "rating", value: "up", previous: null })], sendOptions());
    expect(server.received[0]?.headers.authorization).toBe(`Basic ${btoa("pk-lf-1:sk-lf-2")}`);
  });

  it("refuses a secret key passed as the public key", () => {
    expect(() => langfuseSink({ baseUrl: "http://x", publicKey: "sk-lf-2" })).toThrow(/secret key/);
  });
});

describe("langfuseEnvironment", () => {
  it.each([
    ["Production EU", "production-eu"],
    ["staging_2", "staging_2"],
    ["langfuse-dev", "app-langfuse-dev"],
    ["!!!", undefined],
    [undefined, undefined],
  ])("%s becomes %s", (input, expected) => {
    expect(langfuseEnvironment(input)).toBe(expected);
  });
});
