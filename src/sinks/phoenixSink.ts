import type { FeedbackEvent, JsonValue } from "../events/types";
import { errorText, type Outcome, outcomeOfStatus, toSendResult } from "./http/outcome";
import { callHttp, trimSlash } from "./http/request";
import type { FeedbackSink, SendOptions } from "./types";
import {
  answerField,
  answerSignals,
  eventOutcome,
  type SignalAnswer,
  type VendorRecords,
  vendorRecords,
} from "./vendor/answers";
import { hexSpanId, hexTraceId } from "./vendor/signal";

/** One item of Phoenix's `POST /v1/span_annotations` or `/v1/trace_annotations` body. */
export interface PhoenixAnnotation {
  name: string;
  annotator_kind: "HUMAN";
  result: { label?: string; score?: number | null; explanation?: string };
  metadata: Record<string, JsonValue>;
  identifier: string;
  span_id?: string;
  trace_id?: string;
}

export interface PhoenixSinkOptions {
  /** Your Phoenix server, e.g. `"http://localhost:6006"`. */
  baseUrl: string;
  /** A Phoenix API key, when authentication is on (server side only). */
  apiKey?: string;
}

// Phoenix keeps "note" for its own notes and answers 400 to the whole request when an annotation uses it.
const RESERVED_NAME = "note";

/**
 * The Phoenix annotations of one event, one per answer (a preference has two, one on each answer's span), and
 * a sentence for each answer that cannot have one. An annotation goes on the answer's span when its span id is
 * known, on its trace when only the trace id is. The `identifier` (user and `feedbackKey`) makes one user's vote
 * replace itself, and a changed preference replace both of its annotations.
 *
 * @example
 * ```ts
 * const { records, skipped } = phoenixAnnotations(event);
 * for (const reason of skipped) console.warn(`no Phoenix annotation: ${reason}`);
 * ```
 */
export function phoenixAnnotations(event: FeedbackEvent): VendorRecords<PhoenixAnnotation> {
  return vendorRecords(event, (answer) => answerAnnotation(event, answer));
}

/**
 * The Phoenix annotation of one event, or a sentence saying why there can be none: `phoenixAnnotations` for an
 * event about one answer. For a preference it is the chosen answer's (see `phoenixAnnotations` for both).
 *
 * @example
 * ```ts
 * const annotation = phoenixAnnotation(event);
 * if (typeof annotation === "string") console.warn(`no Phoenix annotation: ${annotation}`);
 * ```
 */
export function phoenixAnnotation(event: FeedbackEvent): PhoenixAnnotation | string {
  const [chosen] = answerSignals(event);
  return answerAnnotation(event, chosen as SignalAnswer);
}

function answerAnnotation(event: FeedbackEvent, answer: SignalAnswer): PhoenixAnnotation | string {
  const spanId = hexSpanId(answer.spanId);
  const traceId = hexTraceId(answer.traceId);
  const spanField = answerField(answer, "spanId");
  const traceField = answerField(answer, "traceId");
  if (answer.spanId && !spanId) return `Phoenix needs ${spanField} as 16 hex digits, got "${answer.spanId}"`;
  if (!spanId && !traceId) {
    return answer.traceId
      ? `Phoenix needs ${traceField} as 32 hex digits, got "${answer.traceId}"`
      : `Phoenix needs a ${spanField} (or a ${traceField}) on the event to attach an annotation to${answer.side ? ` the ${answer.side} answer` : ""}`;
  }
  const { signal } = answer;
  const result: PhoenixAnnotation["result"] = signal.withdrawn
    ? { label: "withdrawn", score: null }
    : {
        ...(signal.label !== undefined ? { label: signal.label } : {}),
        ...(signal.score !== undefined ? { score: signal.score } : {}),
      };
  if (signal.comment) result.explanation = signal.comment;
  return {
    name: signal.name === RESERVED_NAME ? `user_${RESERVED_NAME}` : signal.name,
    annotator_kind: "HUMAN",
    result,
    metadata: {
      ...answer.details,
      ...signal.details,
      ...(signal.correction !== undefined ? { correction: signal.correction } : {}),
    },
    identifier: event.userId ? `${event.userId}:${event.feedbackKey}` : event.feedbackKey,
    ...(spanId ? { span_id: spanId } : { trace_id: traceId as string }),
  };
}

interface Item {
  eventId: string;
  annotation: PhoenixAnnotation;
}

/** Items that Phoenix's 404 ("... with IDs a, b do not exist") or 422 (`loc: ["body", "data", i, ...]`) names. */
function culprits(items: readonly Item[], status: number, body: string): Map<Item, string> {
  const named = new Map<Item, string>();
  if (status === 404) {
    const text = errorText(body);
    for (const item of items) {
      const id = item.annotation.span_id ?? item.annotation.trace_id;
      if (id && text.toLowerCase().includes(id))
        named.set(item, `Phoenix has no ${item.annotation.span_id ? "span" : "trace"} ${id} (HTTP 404)`);
    }
  } else if (status === 422) {
    try {
      const detail = (JSON.parse(body) as { detail?: { loc?: unknown[]; msg?: string }[] }).detail ?? [];
      for (const problem of detail) {
        const index = problem.loc?.[2];
        const item = typeof index === "number" ? items[index] : undefined;
        if (item) named.set(item, `HTTP 422: ${problem.loc?.slice(3).join(".")} ${problem.msg ?? "is invalid"}`.trim());
      }
    } catch {
      // Not the usual validation body: the caller falls back to one request per item.
    }
  }
  return named;
}

/**
 * Sends each event as a human annotation to Arize Phoenix (`POST /v1/span_annotations`, or
 * `/v1/trace_annotations` when only the trace is known). Phoenix has no browser-safe key and no CORS by default:
 * use it on a server, behind `createFeedbackHandler`. One bad span id never sinks the rest: Phoenix's 404 and
 * 422 name the culprits, which are refused, and the others are sent again at once.
 *
 * @example
 * ```ts
 * import { createFeedbackHandler, phoenixSink } from "react-feedback-loop/server";
 * export const POST = createFeedbackHandler({ sinks: [phoenixSink({ baseUrl: "http://localhost:6006" })] });
 * ```
 */
export function phoenixSink(options: PhoenixSinkOptions): FeedbackSink {
  const base = trimSlash(options.baseUrl);
  const headers: Record<string, string> = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {};

  async function deliver(path: string, items: Item[], sendOptions: SendOptions, into: Map<string, Outcome[]>) {
    if (items.length === 0) return;
    const answer = await callHttp(
      { url: `${base}${path}?sync=true`, headers, json: { data: items.map((item) => item.annotation) } },
      sendOptions,
    );
    if (!answer) {
      for (const item of items) into.get(item.eventId)?.push({ status: "retry" });
      return;
    }
    if ((answer.status === 404 || answer.status === 422) && items.length > 1) {
      const named = culprits(items, answer.status, answer.body);
      if (named.size > 0) {
        for (const [item, reason] of named) into.get(item.eventId)?.push({ status: "rejected", reason });
        await deliver(
          path,
          items.filter((item) => !named.has(item)),
          sendOptions,
          into,
        );
      } else {
        // Phoenix did not say which one: one request each finds it.
        for (const item of items) await deliver(path, [item], sendOptions, into);
      }
      return;
    }
    const named = answer.status === 404 ? culprits(items, 404, answer.body) : new Map<Item, string>();
    const outcome = outcomeOfStatus(answer.status, answer.headers, answer.body);
    for (const item of items) {
      const reason = named.get(item);
      into.get(item.eventId)?.push(reason ? { status: "rejected", reason } : outcome);
    }
  }

  return {
    name: "phoenix",
    secrets: options.apiKey ? [options.apiKey] : [],
    async send(events, sendOptions) {
      // A preference's two annotations may be answered in two requests: each event collects its answers.
      const outcomes = new Map<string, Outcome[]>();
      const skippedOf = new Map<string, string[]>();
      const spans: Item[] = [];
      const traces: Item[] = [];
      for (const event of events) {
        const { records, skipped } = phoenixAnnotations(event);
        outcomes.set(event.id, []);
        skippedOf.set(event.id, skipped);
        for (const annotation of records) (annotation.span_id ? spans : traces).push({ eventId: event.id, annotation });
      }
      await Promise.all([
        deliver("/v1/span_annotations", spans, sendOptions, outcomes),
        deliver("/v1/trace_annotations", traces, sendOptions, outcomes),
      ]);
      return toSendResult(
        new Map(
          events.map((event) => [event.id, eventOutcome(outcomes.get(event.id) ?? [], skippedOf.get(event.id) ?? [])]),
        ),
      );
    },
  };
}
