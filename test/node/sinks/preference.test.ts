// A preference is about two answers: every vendor gets a record on each answer's own trace, span or run.
import type { FeedbackError } from "../../../src/errors";
import type { FeedbackEvent } from "../../../src/events/types";
import { createFeedbackHandler, type RelayResponse } from "../../../src/server/createFeedbackHandler";
import { langfuseSink } from "../../../src/sinks/langfuseSink";
import { langsmithApiSink } from "../../../src/sinks/langsmithApiSink";
import { langsmithSink } from "../../../src/sinks/langsmithSink";
import { otlpSink } from "../../../src/sinks/otlpSink";
import { phoenixSink } from "../../../src/sinks/phoenixSink";
import {
  event,
  preference,
  REJECTED_RUN_ID,
  REJECTED_SPAN_ID,
  REJECTED_TRACE_ID,
  RUN_ID,
  SPAN_ID,
  sendOptions,
  TRACE_ID,
} from "../support/events";
import { type Received, type VendorServer, vendorServer } from "../support/vendorServer";

let server: VendorServer;
afterEach(() => server?.close());

const PAIR_KEY = "msg-0|msg-1:preference";
const clear = () => preference({ strength: "clear", source: "compare" });

/** The same two answers, the other one chosen: what a user changing their mind sends. */
function changedMind(): FeedbackEvent {
  return event(
    {
      type: "preference",
      messageId: "msg-0",
      rejectedMessageId: "msg-1",
      rejectedTraceId: TRACE_ID,
      rejectedSpanId: SPAN_ID,
      rejectedRunId: RUN_ID,
      strength: "slight",
      source: "kept",
    },
    { messageId: "msg-0", traceId: REJECTED_TRACE_ID, spanId: REJECTED_SPAN_ID, runId: REJECTED_RUN_ID },
  );
}

type Score = { id: string; name: string; value: number; traceId?: string; observationId?: string; metadata: object };
/** The request bodies, the chosen answer's first: a preference's two requests go out at once, in no fixed order. */
const bodies = <T>(requests: Received[]) =>
  requests.map((request) => request.body as T).sort((a, b) => scoreOf(b) - scoreOf(a));
const scoreOf = (body: unknown) => {
  const { value, score } = body as { value?: unknown; score?: unknown };
  return Number(typeof value === "number" ? value : score);
};

describe("Langfuse: a score on each answer's trace", () => {
  it("scores the chosen answer 1 and the other 0, each on its own trace and observation", async () => {
    server = await vendorServer(() => ({ status: 200, body: { id: "x" } }));
    const choice = clear();
    const result = await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send([choice], sendOptions());
    expect(result.accepted).toEqual([choice.id]);
    const scores = bodies<Score>(server.received);
    expect(scores).toEqual([
      expect.objectContaining({ name: "user_preference", value: 1, traceId: TRACE_ID, observationId: SPAN_ID }),
      expect.objectContaining({
        name: "user_preference",
        value: 0,
        traceId: REJECTED_TRACE_ID,
        observationId: REJECTED_SPAN_ID,
      }),
    ]);
    expect(scores[0]?.metadata).toMatchObject({
      side: "chosen",
      strength: "clear",
      source: "compare",
      feedbackKey: PAIR_KEY,
      messageId: "msg-1",
      otherMessageId: "msg-0",
    });
    expect(scores[1]?.metadata).toMatchObject({ side: "rejected", messageId: "msg-0", otherMessageId: "msg-1" });
    expect(scores[0]?.id).not.toBe(scores[1]?.id);
  });

  it("a changed choice overwrites both scores (each answer keeps its score id), never adds two more", async () => {
    server = await vendorServer(() => ({ status: 200, body: { id: "x" } }));
    const sink = langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" });
    await sink.send([clear()], sendOptions());
    await sink.send([changedMind()], sendOptions());
    const byTrace = (score: Score) => `${score.traceId}=${score.value}`;
    const [first, second] = [bodies<Score>(server.received.slice(0, 2)), bodies<Score>(server.received.slice(2))];
    expect(first.map(byTrace)).toEqual([`${TRACE_ID}=1`, `${REJECTED_TRACE_ID}=0`]);
    expect(second.map(byTrace)).toEqual([`${REJECTED_TRACE_ID}=1`, `${TRACE_ID}=0`]);
    const idOn = (scores: Score[], trace: string) => scores.find((score) => score.traceId === trace)?.id;
    expect(idOn(second, TRACE_ID)).toBe(idOn(first, TRACE_ID));
    expect(idOn(second, REJECTED_TRACE_ID)).toBe(idOn(first, REJECTED_TRACE_ID));
  });

  it("a tie is 0.5 on both answers, labelled tie", async () => {
    server = await vendorServer(() => ({ status: 200, body: { id: "x" } }));
    await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send(
      [preference({ strength: "tie", source: "compare" })],
      sendOptions(),
    );
    expect(bodies<Score>(server.received).map((score) => [score.value, score.metadata])).toEqual([
      [0.5, expect.objectContaining({ label: "tie", strength: "tie" })],
      [0.5, expect.objectContaining({ label: "tie", strength: "tie" })],
    ]);
  });

  it("an answer without a trace is skipped and reported; the other answer is still scored", async () => {
    server = await vendorServer(() => ({ status: 200, body: { id: "x" } }));
    const half = { ...clear(), rejectedTraceId: undefined } as FeedbackEvent;
    const result = await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send([half], sendOptions());
    expect(bodies<Score>(server.received).map((score) => score.traceId)).toEqual([TRACE_ID]);
    expect(result.rejected).toEqual([{ id: half.id, reason: expect.stringContaining("rejectedTraceId") }]);
  });

  it("a retry of the sent answer comes before the report of the skipped one, so it is not lost", async () => {
    server = await vendorServer(() => ({ status: 503 }));
    const half = { ...clear(), rejectedTraceId: undefined } as FeedbackEvent;
    const result = await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send([half], sendOptions());
    expect(result.retry).toEqual([half.id]);
  });

  it("neither answer traced: refused with a reason, never a session score that could not say which answer", async () => {
    server = await vendorServer(() => ({ status: 200, body: { id: "x" } }));
    const untraced = preference({ strength: "clear", source: "compare" }, { traceId: undefined });
    const result = await langfuseSink({ baseUrl: server.url, publicKey: "pk-lf-1" }).send([untraced], sendOptions());
    expect(server.received).toEqual([]);
    expect(result.rejected).toEqual([{ id: untraced.id, reason: expect.stringMatching(/traceId.*rejectedTraceId/) }]);
  });
});

type Feedback = { id: string; run_id: string; key: string; score: number; value: string; feedback_source: object };

describe("LangSmith: feedback on each answer's run under user_preference", () => {
  it("posts score 1 on the chosen run and 0 on the rejected one, the pair's feedbackKey in the metadata", async () => {
    server = await vendorServer(() => ({ status: 200, body: {} }));
    const choice = clear();
    const result = await langsmithApiSink({ apiKey: "k", apiUrl: server.url }).send([choice], sendOptions());
    expect(result.accepted).toEqual([choice.id]);
    expect(bodies<Feedback>(server.received)).toEqual([
      expect.objectContaining({
        run_id: RUN_ID,
        key: "user_preference",
        score: 1,
        value: "chosen",
        feedback_source: {
          type: "api",
          metadata: expect.objectContaining({ feedbackKey: PAIR_KEY, source: "compare" }),
        },
      }),
      expect.objectContaining({
        run_id: REJECTED_RUN_ID,
        key: "user_preference",
        score: 0,
        value: "rejected",
        feedback_source: {
          type: "api",
          metadata: expect.objectContaining({ feedbackKey: PAIR_KEY, messageId: "msg-0" }),
        },
      }),
    ]);
  });

  it("a changed choice updates each run's feedback in place (409, then a PATCH of that run's own id)", async () => {
    const ids = new Map<string, string>();
    server = await vendorServer((request) => {
      const body = request.body as Feedback;
      if (request.method !== "POST") return { status: 200 };
      if (ids.get(body.run_id) === body.id) return { status: 409, body: { detail: "exists" } };
      ids.set(body.run_id, body.id);
      return { status: 200 };
    });
    const sink = langsmithApiSink({ apiKey: "k", apiUrl: server.url });
    await sink.send([clear()], sendOptions());
    const result = await sink.send([changedMind()], sendOptions());
    expect(result.accepted).toHaveLength(1);
    const patches = server.received.filter((request) => request.method === "PATCH");
    expect(patches.map((request) => [request.path, (request.body as { score: number }).score]).sort()).toEqual(
      [
        [`/feedback/${ids.get(RUN_ID)}`, 0],
        [`/feedback/${ids.get(REJECTED_RUN_ID)}`, 1],
      ].sort(),
    );
  });

  it("falls back to a UUID rejectedTraceId as the rejected run, and skips (and reports) an answer without a run", async () => {
    server = await vendorServer(() => ({ status: 200 }));
    const byTrace = { ...clear(), rejectedRunId: undefined, rejectedTraceId: REJECTED_RUN_ID } as FeedbackEvent;
    const noRun = { ...clear(), rejectedRunId: undefined } as FeedbackEvent;
    const result = await langsmithApiSink({ apiKey: "k", apiUrl: server.url }).send([byTrace, noRun], sendOptions());
    expect(result.accepted).toEqual([byTrace.id]);
    expect(result.rejected).toEqual([{ id: noRun.id, reason: expect.stringContaining("rejectedRunId") }]);
    expect(
      bodies<Feedback>(server.received)
        .map((body) => body.run_id)
        .sort(),
    ).toEqual([RUN_ID, REJECTED_RUN_ID, RUN_ID].sort());
  });

  it("behind the relay: both runs get feedback, and an answer without a run is reported to the server's log", async () => {
    server = await vendorServer(() => ({ status: 200 }));
    const heard: FeedbackError[] = [];
    const relay = createFeedbackHandler({
      sinks: langsmithApiSink({ apiKey: "lsv2_secret", apiUrl: server.url }),
      onError: (error) => heard.push(error),
    });
    const whole = clear();
    const half = { ...clear(), rejectedRunId: undefined } as FeedbackEvent;
    const response = await relay(
      new Request("http://app.test/api/feedback", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ events: [whole, half] }),
      }),
    );
    expect(response.status).toBe(207);
    const answer = (await response.json()) as RelayResponse;
    expect(answer.accepted).toEqual([whole.id]);
    expect(answer.rejected).toEqual([{ ids: [half.id], reason: expect.stringContaining("rejectedRunId") }]);
    expect(heard.map((error) => error.eventIds)).toEqual([[half.id]]);
    // Both events are sent at once: the order of the requests is not fixed.
    expect(
      bodies<Feedback>(server.received)
        .map((body) => `${body.run_id}=${body.score}`)
        .sort(),
    ).toEqual([`${RUN_ID}=1`, `${REJECTED_RUN_ID}=0`, `${RUN_ID}=1`].sort());
  });

  it("the browser sink asks for a presigned URL per answer's run", async () => {
    server = await vendorServer(() => ({ status: 200, body: {} }));
    const asked: { runId: string; key: string }[] = [];
    const sink = langsmithSink({
      feedbackUrl: (_event, feedback) => {
        asked.push(feedback);
        return `${server.url}/feedback/tokens/${feedback.runId}`;
      },
    });
    const result = await sink.send([clear()], sendOptions());
    expect(result.accepted).toHaveLength(1);
    expect(asked).toEqual([
      { runId: RUN_ID, key: "user_preference" },
      { runId: REJECTED_RUN_ID, key: "user_preference" },
    ]);
    expect(server.received.map((request) => [request.path, (request.body as { score: number }).score]).sort()).toEqual(
      [
        [`/feedback/tokens/${RUN_ID}`, 1],
        [`/feedback/tokens/${REJECTED_RUN_ID}`, 0],
      ].sort(),
    );
  });
});

type Annotation = { span_id?: string; trace_id?: string; name: string; identifier: string; result: object };

describe("Phoenix: an annotation on each answer's span", () => {
  const inserted = (request: Received) => ({
    status: 200,
    body: { data: (request.body as { data: unknown[] }).data.map((_, i) => ({ id: `A${i}` })) },
  });

  it("annotates both spans in one request, with one identifier so a changed choice replaces both", async () => {
    server = await vendorServer(inserted);
    const choice = clear();
    const result = await phoenixSink({ baseUrl: server.url }).send([choice], sendOptions());
    expect(result.accepted).toEqual([choice.id]);
    expect(server.received).toHaveLength(1);
    const { data } = (server.received[0] as Received).body as { data: Annotation[] };
    expect(data).toEqual([
      expect.objectContaining({ span_id: SPAN_ID, name: "user_preference", result: { label: "chosen", score: 1 } }),
      expect.objectContaining({
        span_id: REJECTED_SPAN_ID,
        name: "user_preference",
        result: { label: "rejected", score: 0 },
      }),
    ]);
    expect(data[0]?.identifier).toBe(`user-7:${PAIR_KEY}`);
    expect(data[1]?.identifier).toBe(data[0]?.identifier);
  });

  it("a tie scores both 0.5; an answer known only by its trace goes to the trace annotations", async () => {
    server = await vendorServer(inserted);
    const tie = { ...preference({ strength: "tie", source: "compare" }), rejectedSpanId: undefined } as FeedbackEvent;
    const result = await phoenixSink({ baseUrl: server.url }).send([tie], sendOptions());
    expect(result.accepted).toEqual([tie.id]);
    const byPath = Object.fromEntries(
      server.received.map((request) => [request.path, (request.body as { data: Annotation[] }).data]),
    );
    expect(byPath["/v1/span_annotations?sync=true"]).toEqual([
      expect.objectContaining({ span_id: SPAN_ID, result: { label: "tie", score: 0.5 } }),
    ]);
    expect(byPath["/v1/trace_annotations?sync=true"]).toEqual([
      expect.objectContaining({ trace_id: REJECTED_TRACE_ID, result: { label: "tie", score: 0.5 } }),
    ]);
  });

  it("a missing rejected span refuses the event only when that answer is the one Phoenix cannot find", async () => {
    server = await vendorServer((request) => {
      const data = (request.body as { data: Annotation[] }).data;
      return data.some((item) => item.span_id === REJECTED_SPAN_ID)
        ? { status: 404, body: { detail: `Spans with IDs ${REJECTED_SPAN_ID} do not exist.` } }
        : inserted(request);
    });
    const choice = clear();
    const up = event({ type: "rating", value: "up", previous: null });
    const result = await phoenixSink({ baseUrl: server.url }).send([choice, up], sendOptions());
    expect(result.accepted).toEqual([up.id]);
    expect(result.rejected).toEqual([{ id: choice.id, reason: `Phoenix has no span ${REJECTED_SPAN_ID} (HTTP 404)` }]);
  });
});

describe("OpenTelemetry: one log record per answer", () => {
  it("sends two records, each with its own answer's trace and span ids and side", async () => {
    server = await vendorServer(() => ({ status: 200, body: {} }));
    const result = await otlpSink({ url: server.url }).send([clear()], sendOptions());
    expect(result.accepted).toHaveLength(1);
    type Logs = {
      resourceLogs: {
        scopeLogs: {
          logRecords: { traceId: string; spanId: string; attributes: { key: string; value: object }[] }[];
        }[];
      }[];
    };
    const records = ((server.received[0] as Received).body as Logs).resourceLogs[0]?.scopeLogs[0]?.logRecords ?? [];
    const attribute = (index: number, key: string) =>
      records[index]?.attributes.find((item) => item.key === key)?.value;
    expect(records.map((record) => [record.traceId, record.spanId])).toEqual([
      [TRACE_ID, SPAN_ID],
      [REJECTED_TRACE_ID, REJECTED_SPAN_ID],
    ]);
    expect([0, 1].map((i) => attribute(i, "gen_ai.evaluation.score.value"))).toEqual([
      { doubleValue: 1 },
      { doubleValue: 0 },
    ]);
    expect([0, 1].map((i) => attribute(i, "feedback.message_id"))).toEqual([
      { stringValue: "msg-1" },
      { stringValue: "msg-0" },
    ]);
    expect(attribute(1, "feedback.preference.side")).toEqual({ stringValue: "rejected" });
    expect(attribute(1, "feedback.key")).toEqual({ stringValue: PAIR_KEY });
  });

  it("a partial success counts records, not events", async () => {
    server = await vendorServer(() => ({ status: 200, body: { partialSuccess: { rejectedLogRecords: "1" } } }));
    const result = await otlpSink({ url: server.url }).send([clear()], sendOptions());
    expect(result.rejected[0]?.reason).toBe("the collector rejected 1 of 2 log records");
  });
});
