import { deliveryQueue } from "../delivery/lazyDeliveryQueue";
import type { FeedbackEvent, JsonValue } from "../events/types";
import { type Outcome, outcomeOfStatus, toSendResult } from "./http/outcome";
import { callHttp } from "./http/request";
import type { FeedbackSink } from "./types";
import { hexSpanId, hexTraceId, toSignal } from "./vendor/signal";

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

/**
 * The OTLP log record of one event: a `gen_ai.evaluation.result` event parented to the rated span, with the
 * OpenTelemetry evaluation attributes and everything else under `feedback.*`.
 *
 * @example
 * ```ts
 * const record = otlpLogRecord(event);
 * // record.eventName === "gen_ai.evaluation.result"; record.spanId is the rated span's id when known
 * ```
 */
export function otlpLogRecord(event: FeedbackEvent, now: number = Date.now()): OtlpLogRecord {
  const signal = toSignal(event);
  const traceId = hexTraceId(event.traceId);
  const spanId = traceId ? hexSpanId(event.spanId) : undefined;
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
        "gen_ai.response.id": event.messageId,
      }),
      ...otlpAttributes(
        {
          id: event.id,
          type: event.type,
          key: event.feedbackKey,
          message_id: event.messageId,
          user_id: event.userId,
          session_id: event.sessionId,
          run_id: event.runId,
          app: event.app,
          environment: event.environment,
          trace_id: event.traceId && !traceId ? event.traceId : undefined,
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
      scopeLogs: [{ scope: { name: SCOPE }, logRecords: group.map((event) => otlpLogRecord(event, now)) }],
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
    delivery: deliveryQueue,
    async send(events, sendOptions) {
      if (events.length === 0) return { accepted: [], retry: [], rejected: [] };
      const answer = await callHttp(
        { url, headers: options.headers, json: otlpLogsRequest(events, options.resource) },
        sendOptions,
      );
      let outcome: Outcome = answer ? outcomeOfStatus(answer.status, answer.headers, answer.body) : { status: "retry" };
      if (answer && outcome.status === "accepted") outcome = partialSuccess(answer.body, events.length);
      return toSendResult(new Map(events.map((event) => [event.id, outcome])));
    },
  };
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
