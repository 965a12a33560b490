import type { FeedbackEvent } from "../../../src/events/types";
import { langfuseEnvironment, langfuseSink } from "../../../src/sinks/langfuseSink";
import { event, everyKind, SPAN_ID, sendOptions, TRACE_ID } from "../support/events";
import { type Received, type VendorServer, vendorServer } from "../support/vendorServer";
import { langfuseScoreTable } from "./langfuseScoreTable";

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
    // Every event is one score, except an edit (its correction plus a similarity score) and a preference (a
    // score on each answer's trace).
    const preferences = events.filter((e) => e.type === "preference").length;
    expect(server.received).toHaveLength(events.length + 1 + preferences);
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
      ["user_feedback", "withdrawn"],
    ]);
  });

  it("an edit without a trace sends no CORRECTION (Langfuse drops it on a session), only its similarity score", async () => {
    server = await vendorServer(ok);
    const edit = everyKind({ traceId: undefined, spanId: undefined }).find((e) => e.type === "edit");
    if (!edit) throw new Error("no edit");
    const result = await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send([edit], sendOptions());
    expect(result.accepted).toEqual([edit.id]);
    expect(server.received.map((r) => r.body)).toEqual([
      expect.objectContaining({
        name: "user_edit",
        dataType: "NUMERIC",
        value: 0.5,
        sessionId: "session-1",
        metadata: expect.objectContaining({ correction: "Hello world" }),
      }),
    ]);
  });

  it("an edit on a trace sends its CORRECTION on that trace and observation, next to the similarity", async () => {
    server = await vendorServer(ok);
    const edit = everyKind().find((e) => e.type === "edit");
    if (!edit) throw new Error("no edit");
    await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send([edit], sendOptions());
    expect(server.received.map((r) => r.body)).toEqual([
      expect.objectContaining({ name: "output", dataType: "CORRECTION", value: "Hello world", traceId: TRACE_ID }),
      expect.objectContaining({ name: "user_edit", dataType: "NUMERIC", traceId: TRACE_ID, observationId: SPAN_ID }),
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

describe("a withdrawn vote, against what Langfuse keeps (its scores table's de-duplication)", () => {
  const up = () => event({ type: "rating", value: "up", previous: null });
  const withdrawn = () => event({ type: "rating", value: null, previous: "up" });

  it("public key: the withdrawal reuses the vote's id and name, so Langfuse replaces the vote with it", async () => {
    const table = langfuseScoreTable(() => "2026-11-24T10:00:00.000Z");
    server = await vendorServer(table.apply);
    const sink = langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" });
    await sink.send([up()], sendOptions());
    expect(table.standingVotes()).toHaveLength(1);
    const result = await sink.send([withdrawn()], sendOptions());
    expect(result.rejected).toEqual([]);
    expect(table.standingVotes()).toEqual([]);
    expect(table.rows()).toEqual([expect.objectContaining({ name: "user_feedback", value: "withdrawn" })]);
  });

  it("the table is real: a withdrawal under another name would leave the vote standing beside it", () => {
    const table = langfuseScoreTable(() => "2026-11-24T10:00:00.000Z");
    const score = { id: "s1", name: "user_feedback", dataType: "BOOLEAN", value: 1 };
    table.apply({ method: "POST", path: "/api/public/scores", headers: {}, body: score });
    table.apply({
      method: "POST",
      path: "/api/public/scores",
      headers: {},
      body: { ...score, name: "user_feedback_withdrawn" },
    });
    expect(table.standingVotes()).toHaveLength(1);
    expect(table.rows()).toHaveLength(2);
  });

  it("secret key: the withdrawal deletes the vote's score, even a day later", async () => {
    let now = "2026-11-24T23:59:00.000Z";
    const table = langfuseScoreTable(() => now);
    server = await vendorServer(table.apply);
    const sink = langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1", secretKey: "sk-lf-2" });
    await sink.send([up()], sendOptions());
    now = "2026-11-25T00:01:00.000Z";
    const gone = withdrawn();
    expect(await sink.send([gone], sendOptions())).toEqual({ accepted: [gone.id], retry: [], rejected: [] });
    const deletion = server.received.at(-1);
    expect(deletion).toMatchObject({
      method: "DELETE",
      path: `/api/public/scores/${((server.received[0] as Received).body as { id: string }).id}`,
    });
    expect(deletion?.headers.authorization).toBe(`Basic ${btoa("pk-lf-1:sk-lf-2")}`);
    expect(table.rows()).toEqual([]);
  });

  it("public key, a day later: Langfuse keeps both rows (its key holds the day), which is why the relay deletes", async () => {
    let now = "2026-11-24T23:59:00.000Z";
    const table = langfuseScoreTable(() => now);
    server = await vendorServer(table.apply);
    const sink = langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" });
    await sink.send([up()], sendOptions());
    now = "2026-11-25T00:01:00.000Z";
    await sink.send([withdrawn()], sendOptions());
    expect(table.standingVotes()).toHaveLength(1);
  });

  it("secret key: nothing to delete (404) is a success", async () => {
    server = await vendorServer(() => ({ status: 404, body: { message: "Score not found" } }));
    const gone = withdrawn();
    const sink = langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1", secretKey: "sk-lf-2" });
    expect((await sink.send([gone], sendOptions())).accepted).toEqual([gone.id]);
  });
});

describe("langfuseSink against a Langfuse server older than v3.167.1 (401 to a public key on /scores)", () => {
  type Batch = { batch: { id: string; type: string; timestamp: string; body: { name: string } }[] };

  it("falls back to /api/public/ingestion and maps each item's 207 result to accepted, retry or rejected", async () => {
    server = await vendorServer((request) => {
      if (request.path === "/api/public/scores") return { status: 401, body: { message: "Unauthorized" } };
      const { batch } = request.body as Batch;
      const by = (name: string) => batch.find((item) => item.body.name === name)?.id;
      return {
        status: 207,
        body: {
          successes: batch
            .filter((item) => !["user_copy", "user_regenerate"].includes(item.body.name))
            .map((item) => ({ id: item.id, status: 201 })),
          errors: [
            { id: by("user_copy"), status: 400, message: "Invalid request data", error: "value" },
            { id: by("user_regenerate"), status: 500, message: "Internal error" },
          ],
        },
      };
    });
    const events = everyKind();
    const sink = langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" });
    const result = await sink.send(events, sendOptions());
    const copy = events.find((e) => e.type === "copy");
    const regenerate = events.find((e) => e.type === "regenerate");
    expect(result.rejected).toEqual([{ id: copy?.id, reason: "HTTP 400: Invalid request data" }]);
    expect(result.retry).toEqual([regenerate?.id]);
    expect(result.accepted).toHaveLength(events.length - 2);

    const ingestion = server.received.filter((r) => r.path === "/api/public/ingestion");
    expect(ingestion).toHaveLength(1);
    expect(ingestion[0]?.headers.authorization).toBe("Bearer pk-lf-1");
    const { batch } = (ingestion[0] as Received).body as Batch;
    expect(batch).toHaveLength(events.length + 1 + events.filter((e) => e.type === "preference").length);
    expect(batch.every((item) => item.type === "score-create")).toBe(true);
    expect(batch[0]?.timestamp).toBe(events[0]?.ts);

    // Learned once: the next batch goes to ingestion directly, and a retried item keeps its ingestion id.
    server.received.length = 0;
    await sink.send([regenerate as FeedbackEvent], sendOptions());
    expect(server.received.map((r) => r.path)).toEqual(["/api/public/ingestion"]);
    const again = ((server.received[0] as Received).body as Batch).batch[0];
    expect(again?.id).toBe(batch.find((item) => item.body.name === "user_regenerate")?.id);
  });

  it("an item Langfuse's answer leaves out is retried, never lost; a 401 on ingestion too is refused", async () => {
    server = await vendorServer((request) =>
      request.path === "/api/public/scores"
        ? { status: 401, body: { message: "Unauthorized" } }
        : { status: 207, body: { successes: [], errors: [] } },
    );
    const one = event({ type: "rating", value: "up", previous: null });
    expect(
      (await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send([one], sendOptions())).retry,
    ).toEqual([one.id]);
    await server.close();
    server = await vendorServer(() => ({ status: 401, body: { message: "Invalid public key" } }));
    const result = await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send([one], sendOptions());
    expect(result.rejected).toEqual([{ id: one.id, reason: "HTTP 401: Invalid public key" }]);
  });

  it("with a secret key, a 401 is a real refusal: no fallback", async () => {
    server = await vendorServer(() => ({ status: 401, body: { message: "Invalid credentials" } }));
    const one = event({ type: "rating", value: "up", previous: null });
    const sink = langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1", secretKey: "sk-lf-2" });
    expect((await sink.send([one], sendOptions())).rejected).toHaveLength(1);
    expect(server.received.map((r) => r.path)).toEqual(["/api/public/scores"]);
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
