import { deliveryQueue } from "../delivery/lazyDeliveryQueue";
import { FeedbackError } from "../errors";
import type { FeedbackEvent, JsonValue } from "../events/types";
import { type Outcome, toSendResult, worstOutcome } from "./http/outcome";
import { mapLimited, send, trimSlash } from "./http/request";
import type { FeedbackSink } from "./types";
import { envelopeDetails, toSignal } from "./vendor/signal";
import { stableId } from "./vendor/stableId";

/** The body of Langfuse's `POST /api/public/scores` (its `CreateScoreRequest`). */
export interface LangfuseScore {
  id: string;
  name: string;
  value: number | string;
  dataType: "NUMERIC" | "BOOLEAN" | "CATEGORICAL" | "CORRECTION";
  traceId?: string;
  observationId?: string;
  sessionId?: string;
  comment?: string;
  metadata: Record<string, JsonValue>;
  environment?: string;
}

export interface LangfuseSinkOptions {
  /** Your Langfuse host, e.g. `"https://cloud.langfuse.com"`. */
  baseUrl: string;
  /** The project's public key (`pk-lf-…`): safe in a browser, it may only create scores. */
  publicKey: string;
  /** The secret key (`sk-lf-…`), on a server only (the relay); refused in a browser. */
  secretKey?: string;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
}

// The rating score's name (SIGNAL_NAMES.rating in ./vendor/signal) with a suffix, spelled out so no code runs at import.
const WITHDRAWN_NAME = "user_feedback_withdrawn";
// Langfuse keeps one corrected output per trace or observation and always names it "output".
const CORRECTION_NAME = "output";
const ENVIRONMENT_MAX = 40;

/**
 * Langfuse allows lowercase letters, digits, `-` and `_` in an environment, not starting with "langfuse"; other
 * characters become `-`. Returns `undefined` when nothing usable is left.
 */
export function langfuseEnvironment(environment: string | undefined): string | undefined {
  if (!environment) return undefined;
  let value = environment
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, ENVIRONMENT_MAX);
  if (value.startsWith("langfuse")) value = `app-${value}`.slice(0, ENVIRONMENT_MAX);
  return value || undefined;
}

/**
 * The Langfuse scores of one event, or a sentence saying why it cannot have any (no trace and no session).
 * A rating is one BOOLEAN score whose id comes from `feedbackKey`, so a changed vote overwrites it; an edit is a
 * CORRECTION plus a NUMERIC similarity score.
 *
 * @example
 * ```ts
 * const scores = langfuseScores(event);
 * if (typeof scores === "string") console.warn(`no Langfuse score: ${scores}`);
 * else for (const score of scores) console.log(score.name, score.dataType, score.value);
 * ```
 */
export function langfuseScores(event: FeedbackEvent): LangfuseScore[] | string {
  if (!event.traceId && !event.sessionId) {
    return "Langfuse needs a traceId (or a sessionId) on the event to attach a score to";
  }
  const signal = toSignal(event);
  const base = {
    ...(event.traceId
      ? { traceId: event.traceId, ...(event.spanId ? { observationId: event.spanId } : {}) }
      : { sessionId: event.sessionId as string }),
    ...(langfuseEnvironment(event.environment) ? { environment: langfuseEnvironment(event.environment) } : {}),
  };
  const metadata = { ...envelopeDetails(event), ...signal.details, ...(signal.label ? { label: signal.label } : {}) };
  const comment = signal.comment ? { comment: signal.comment } : {};
  const id = stableId(event.feedbackKey, signal.name);

  if (signal.withdrawn) {
    // A public key cannot delete a score: the vote's own id is overwritten with a score of another name, so the
    // thumbs series only counts standing votes and the withdrawal stays visible.
    return [{ id, name: WITHDRAWN_NAME, value: 1, dataType: "BOOLEAN", ...base, metadata }];
  }
  if (event.type === "edit") {
    return [
      {
        id: stableId(`${event.messageId}:edit`, CORRECTION_NAME),
        name: CORRECTION_NAME,
        value: event.final,
        dataType: "CORRECTION",
        ...base,
        metadata,
      },
      { id, name: signal.name, value: signal.score as number, dataType: "NUMERIC", ...base, metadata },
    ];
  }
  const value = signal.kind === "CATEGORICAL" ? (signal.label as string) : (signal.score as number);
  return [{ id, name: signal.name, value, dataType: signal.kind, ...base, ...comment, metadata }];
}

function inBrowser(): boolean {
  return typeof window !== "undefined" && typeof document !== "undefined";
}

/**
 * Sends each event as Langfuse scores (`POST /api/public/scores`), linked to the trace and observation that
 * produced the message. In a browser it authenticates with the public key alone, which Langfuse lets create
 * scores and nothing else.
 *
 * @example
 * ```tsx
 * const sink = langfuseSink({ baseUrl: "https://cloud.langfuse.com", publicKey: "pk-lf-..." });
 * <FeedbackProvider sink={sink}>...</FeedbackProvider>
 * ```
 */
export function langfuseSink(options: LangfuseSinkOptions): FeedbackSink {
  const secret = options.secretKey ?? (options.publicKey.startsWith("sk-lf-") ? options.publicKey : undefined);
  if (secret && inBrowser()) {
    throw new FeedbackError(
      "config",
      "langfuseSink was given a Langfuse secret key (sk-lf-…) in a browser, where anyone can read it. Pass only the public key (pk-lf-…) here, or keep the secret key on your server behind createFeedbackHandler from react-feedback-loop/server and send events there with httpSink.",
    );
  }
  if (!options.secretKey && secret) {
    throw new FeedbackError(
      "config",
      "langfuseSink's publicKey is a secret key (sk-lf-…). Pass the public key (pk-lf-…) as publicKey and, on a server only, the secret key as secretKey.",
    );
  }
  const url = `${trimSlash(options.baseUrl)}/api/public/scores`;
  const authorization = options.secretKey
    ? `Basic ${btoa(`${options.publicKey}:${options.secretKey}`)}`
    : `Bearer ${options.publicKey}`;
  const concurrency = options.concurrency ?? 4;

  return {
    name: "langfuse",
    delivery: deliveryQueue,
    async send(events, sendOptions) {
      const outcomes = new Map<string, Outcome[]>();
      const requests: { eventId: string; score: LangfuseScore }[] = [];
      for (const event of events) {
        const scores = langfuseScores(event);
        if (typeof scores === "string") outcomes.set(event.id, [{ status: "rejected", reason: scores }]);
        else {
          outcomes.set(event.id, []);
          for (const score of scores) requests.push({ eventId: event.id, score });
        }
      }
      const answers = await mapLimited(requests, concurrency, ({ score }) =>
        send({ url, headers: { authorization }, json: score }, sendOptions),
      );
      requests.forEach(({ eventId }, i) => {
        outcomes.get(eventId)?.push(answers[i] ?? { status: "retry" });
      });
      return toSendResult(new Map([...outcomes].map(([id, list]) => [id, worstOutcome(list)])));
    },
  };
}
