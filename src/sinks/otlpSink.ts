import type { FeedbackEvent, JsonValue } from "../events/types";
import { type Outcome, outcomeOf, toSendResult } from "./http/outcome";
import { callHttp } from "./http/request";
import type { FeedbackSink } from "./types";
import { answerSignals, type SignalAnswer } from "./vendor/answers";
import { hexSpanId, hexTraceId } from "./vendor/signal";

/** OTLP's `AnyValue` in its JSON mapping. */
export type OtlpValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: OtlpValue[] } }
  | { kvlistValue: { values: OtlpAttribute[] } }
  | Record<string, never>;

export interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}

/** One OTLP log record in its JSON mapping. */
export interface OtlpLogRecord {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  eventName: string;
  traceId?: string;
  spanId?: string;
  attributes: OtlpAttribute[];
}

export interface OtlpSinkOptions {
  /** The collector's logs endpoint, e.g. `"http://localhost:4318/v1/logs"` (`/v1/logs` is added when missing). */
  url: string;
  /** Extra headers, e.g. a vendor's API key (server side) . */
  headers?: Record<string, string>;
  /** Resource attributes; `service.name` defaults to the event's `app`, else `"react-feedback-loop"`. */
  resource?: Record<string, string | number | boolean>;
}

/** The OpenTelemetry event name for an evaluation result, the nearest convention to user feedback. */
export const EVALUATION_EVENT = "gen_ai.evaluation.result";
const SCOPE = "react-feedback-loop";
const SEVERITY_INFO = 9;

/** A JSON value as an OTLP `AnyValue`. */
export function otlpValue(value: JsonValue): OtlpValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") {
    return Number.isSafeInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  }
  if (value === null) return {};
  if (Array.isArray(value)) return { arrayValue: { values: value.map(otlpValue) } };
  return { kvlistValue: { values: otlpAttributes(value) } };
}

function otlpAttributes(record: Record<string, JsonValue | undefined>, prefix = ""): OtlpAttribute[] {
  const attributes: OtlpAttribute[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    attributes.push({ key: `${prefix}${key}`, value: otlpValue(value) });
  }
  return attributes;
}

function unixNano(ms: number): string {
  return (BigInt(Math.round(ms)) * 1_000_000n).toString();
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

// `gen_ai.response.id` is the model's own completion id (`chatcmpl-…`), which only the app knows: it comes from
// `metadata.responseId`. The app's message id is a different thing and travels as `feedback.message_id`.
function responseId(event: FeedbackEvent): string | undefined {
  const value = event.metadata?.responseId;
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * The OTLP log records of one event, one per answer: a `gen_ai.evaluation.result` event parented to the rated
 * span, with the OpenTelemetry evaluation attributes and everything else under `feedback.*`. A preference gives
 * two, each with its own answer's trace and span ids (`feedback.preference.side` tells them apart).
 *
 * @example
 * ```ts
 * const [chosen, rejected] = otlpLogRecords(preferenceEvent);
 * // chosen.spanId is the chosen answer's span; rejected.spanId the other's
 * ```
 */
export function otlpLogRecords(event: FeedbackEvent, now: number = Date.now()): OtlpLogRecord[] {
  return answerSignals(event).map((answer) => answerRecord(event, answer, now));
}

/**
 * The OTLP log record of an event about one answer (for a preference, the chosen answer's; see
 * `otlpLogRecords` for both).
 *
 * @example
 * ```ts
 * const record = otlpLogRecord(event);
 * // record.eventName === "gen_ai.evaluation.result"; record.spanId is the rated span's id when known
 * ```
 */
export function otlpLogRecord(event: FeedbackEvent, now: number = Date.now()): OtlpLogRecord {
  const [chosen] = answerSignals(event);
  return answerRecord(event, chosen as SignalAnswer, now);
}

function answerRecord(event: FeedbackEvent, answer: SignalAnswer, now: number): OtlpLogRecord {
  const { signal } = answer;
  const traceId = hexTraceId(answer.traceId);
  const spanId = traceId ? hexSpanId(answer.spanId) : undefined;
  const details: Record<string, JsonValue | undefined> = {};
  for (const [key, value] of Object.entries(signal.details)) details[`${event.type}.${snake(key)}`] = value;
  return {
    timeUnixNano: unixNano(Date.parse(event.ts)),
    observedTimeUnixNano: unixNano(now),
    severityNumber: SEVERITY_INFO,
    severityText: "INFO",
    eventName: EVALUATION_EVENT,
    ...(traceId ? { traceId } : {}),
    ...(spanId ? { spanId } : {}),
    attributes: [
      { key: "gen_ai.evaluation.name", value: { stringValue: signal.name } },
      // Always a double: a score is one series, whatever the value of one event.
      ...(signal.score !== undefined
        ? [{ key: "gen_ai.evaluation.score.value", value: { doubleValue: signal.score } }]
        : []),
      ...otlpAttributes({
        "gen_ai.evaluation.score.label": signal.label,
        "gen_ai.evaluation.explanation": signal.comment,
        "gen_ai.response.id": responseId(event),
      }),
      ...otlpAttributes(
        {
          id: event.id,
          type: event.type,
          key: event.feedbackKey,
          message_id: answer.messageId,
          user_id: event.userId,
          session_id: event.sessionId,
          run_id: answer.runId,
          app: event.app,
          environment: event.environment,
          trace_id: answer.traceId && !traceId ? answer.traceId : undefined,
          correction: signal.correction,
          truncated: event.truncated,
          metadata: event.metadata,
          ...details,
        },
        "feedback.",
      ),
    ],
  };
}

/** The `ExportLogsServiceRequest` body for a batch, one resource per app. */
export function otlpLogsRequest(
  events: readonly FeedbackEvent[],
  resource: OtlpSinkOptions["resource"] = {},
  now: number = Date.now(),
) {
  const byApp = new Map<string, FeedbackEvent[]>();
  for (const event of events) {
    const app = event.app ?? "";
    byApp.set(app, [...(byApp.get(app) ?? []), event]);
  }
  return {
    resourceLogs: [...byApp].map(([app, group]) => ({
      resource: { attributes: otlpAttributes({ "service.name": app || SCOPE, ...resource }) },
      scopeLogs: [{ scope: { name: SCOPE }, logRecords: group.flatMap((event) => otlpLogRecords(event, now)) }],
    })),
  };
}

/**
 * Sends each event as an OpenTelemetry log event over OTLP/HTTP JSON (`POST /v1/logs`), so feedback reaches any
 * backend that takes OTLP, next to the span that produced the message. A partial success names how many records
 * the collector dropped but not which: when it dropped any, the whole batch is reported refused (never sent again,
 * so nothing doubles) with the collector's message.
 *
 * @example
 * ```ts
 * const sink = otlpSink({ url: "http://localhost:4318", resource: { "deployment.environment.name": "prod" } });
 * ```
 */
export function otlpSink(options: OtlpSinkOptions): FeedbackSink {
  const url = /\/v1\/logs\/?$/.test(options.url) ? options.url : `${options.url.replace(/\/+$/, "")}/v1/logs`;
  return {
    name: "otlp",
    secrets: Object.values(options.headers ?? {}),
    async send(events, sendOptions) {
      if (events.length === 0) return { accepted: [], retry: [], rejected: [] };
      const body = otlpLogsRequest(events, options.resource);
      const answer = await callHttp({ url, headers: options.headers, json: body }, sendOptions);
      let outcome: Outcome = outcomeOf(answer);
      if (answer && outcome.status === "accepted") outcome = partialSuccess(answer.body, countRecords(body));
      return toSendResult(new Map(events.map((event) => [event.id, outcome])));
    },
  };
}

function countRecords(body: ReturnType<typeof otlpLogsRequest>): number {
  let count = 0;
  for (const resource of body.resourceLogs) for (const scope of resource.scopeLogs) count += scope.logRecords.length;
  return count;
}

function partialSuccess(body: string, total: number): Outcome {
  let partial: { rejectedLogRecords?: string | number; errorMessage?: string } | undefined;
  try {
    partial = (JSON.parse(body) as { partialSuccess?: typeof partial }).partialSuccess;
  } catch {
    return { status: "accepted" };
  }
  const rejected = Number(partial?.rejectedLogRecords ?? 0);
  if (!(rejected > 0)) return { status: "accepted" };
  const message = partial?.errorMessage ? `: ${partial.errorMessage}` : "";
  return {
    status: "rejected",
    reason: `the collector rejected ${Math.min(rejected, total)} of ${total} log records${message}`,
  };
}
