import { FeedbackError } from "../errors";
import type { FeedbackEvent, JsonValue } from "../events/types";
import { ACCEPTED, type Outcome, outcomeOfStatus, toSendResult } from "./http/outcome";
import { callHttp, mapLimited, trimSlash } from "./http/request";
import type { FeedbackSink, SendOptions } from "./types";
import { answerField, eventOutcome, type SignalAnswer, type VendorRecords, vendorRecords } from "./vendor/answers";
import { ingestionOutcomes, scoreCreate } from "./vendor/langfuseIngestion";
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

// Langfuse keeps one corrected output per trace or observation and always names it "output".
const CORRECTION_NAME = "output";
// The value a withdrawn vote leaves under the vote's own id and name (see langfuseScores).
const WITHDRAWN_VALUE = "withdrawn";
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
 * A rating is one BOOLEAN score whose id comes from `feedbackKey`, so a changed vote overwrites it. A withdrawn
 * vote is a CATEGORICAL `"withdrawn"` under the vote's own id and name: Langfuse keeps one row per (day, name,
 * id), so it replaces the vote instead of standing beside it (with a secret key, the sink deletes the vote
 * instead). An edit is a NUMERIC similarity score plus, on a trace, a CORRECTION carrying the final text:
 * Langfuse drops a correction on a session, so without a trace the final text goes in the score's metadata.
 * A preference is a NUMERIC `user_preference` score on each answer's trace (and observation): 1 for the chosen
 * answer, 0 for the other, 0.5 for both on a tie, with the side, strength, source and the other answer's id in
 * the metadata; an answer without a trace has none (a session score could not say which answer it means).
 *
 * @example
 * ```ts
 * const scores = langfuseScores(event);
 * if (typeof scores === "string") console.warn(`no Langfuse score: ${scores}`);
 * else for (const score of scores) console.log(score.name, score.dataType, score.value);
 * ```
 */
export function langfuseScores(event: FeedbackEvent): LangfuseScore[] | string {
  const { records, skipped } = langfuseRecords(event);
  return records.length > 0 ? records : skipped.join("; ");
}

function langfuseRecords(event: FeedbackEvent): VendorRecords<LangfuseScore> {
  return vendorRecords(event, (answer) => answerScores(event, answer));
}

function answerScores(event: FeedbackEvent, answer: SignalAnswer): LangfuseScore[] | string {
  // One answer's signal may fall back to its session; a preference's answers need their own traces.
  const session = answer.side ? undefined : event.sessionId;
  if (!answer.traceId && !session) {
    return answer.side
      ? `Langfuse needs ${answerField(answer, "traceId")} on the event to score the ${answer.side} answer`
      : "Langfuse needs a traceId (or a sessionId) on the event to attach a score to";
  }
  const { signal } = answer;
  const environment = langfuseEnvironment(event.environment);
  const base = {
    ...(answer.traceId
      ? { traceId: answer.traceId, ...(answer.spanId ? { observationId: answer.spanId } : {}) }
      : { sessionId: session as string }),
    ...(environment ? { environment } : {}),
  };
  const metadata = { ...answer.details, ...signal.details, ...(signal.label ? { label: signal.label } : {}) };
  const comment = signal.comment ? { comment: signal.comment } : {};
  const id = stableId(answer.recordKey, signal.name);

  if (signal.withdrawn) {
    return [{ id, name: signal.name, value: WITHDRAWN_VALUE, dataType: "CATEGORICAL", ...base, metadata }];
  }
  if (event.type === "edit") {
    const similarity = { id, name: signal.name, value: signal.score as number, dataType: "NUMERIC" as const, ...base };
    if (!answer.traceId) return [{ ...similarity, metadata: { ...metadata, correction: event.final } }];
    return [
      {
        id: stableId(`${event.messageId}:edit`, CORRECTION_NAME),
        name: CORRECTION_NAME,
        value: event.final,
        dataType: "CORRECTION",
        ...base,
        metadata,
      },
      { ...similarity, metadata },
    ];
  }
  const value = signal.kind === "CATEGORICAL" ? (signal.label as string) : (signal.score as number);
  return [{ id, name: signal.name, value, dataType: signal.kind, ...base, ...comment, metadata }];
}

function inBrowser(): boolean {
  return typeof window !== "undefined" && typeof document !== "undefined";
}

interface ScoreRequest {
  event: FeedbackEvent;
  score: LangfuseScore;
}

/**
 * Sends each event as Langfuse scores (`POST /api/public/scores`), linked to the trace and observation that
 * produced the message. In a browser it authenticates with the public key alone, which Langfuse lets create
 * scores and nothing else. A Langfuse server older than v3.167.1 answers 401 to a public key there: the sink
 * then sends scores through `POST /api/public/ingestion` (what Langfuse's own browser SDK uses) from then on.
 * With a secret key (on a server), a withdrawn vote deletes the vote's score.
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
  const base = trimSlash(options.baseUrl);
  const scoresUrl = `${base}/api/public/scores`;
  const headers = {
    authorization: options.secretKey
      ? `Basic ${btoa(`${options.publicKey}:${options.secretKey}`)}`
      : `Bearer ${options.publicKey}`,
  };
  const concurrency = options.concurrency ?? 4;
  // Set once a server has refused the public key on /scores: it is older than v3.167.1 and takes ingestion.
  let ingestionOnly = false;

  async function ingest(requests: readonly ScoreRequest[], sendOptions: SendOptions): Promise<Outcome[]> {
    if (requests.length === 0) return [];
    const batch = requests.map(({ event, score }) => scoreCreate(score, event.id, event.ts));
    const answer = await callHttp({ url: `${base}/api/public/ingestion`, headers, json: { batch } }, sendOptions);
    if (!answer) return requests.map(() => ({ status: "retry" }));
    if (answer.status !== 207 && answer.status !== 200) {
      const outcome = outcomeOfStatus(answer.status, answer.headers, answer.body);
      return requests.map(() => outcome);
    }
    const byId = ingestionOutcomes(
      batch.map((item) => item.id),
      answer,
    );
    return batch.map((item) => byId.get(item.id) ?? { status: "retry" });
  }

  // One score by itself: a withdrawal deletes with a secret key; a public key refused with 401 falls back.
  async function deliver({ event, score }: ScoreRequest, sendOptions: SendOptions): Promise<Outcome | "fallback"> {
    if (options.secretKey && event.type === "rating" && event.value === null) {
      const answer = await callHttp(
        { url: `${scoresUrl}/${encodeURIComponent(score.id)}`, method: "DELETE", headers },
        sendOptions,
      );
      if (!answer) return { status: "retry" };
      // Nothing to delete is what a withdrawal wants.
      return answer.status === 404 ? ACCEPTED : outcomeOfStatus(answer.status, answer.headers, answer.body);
    }
    const answer = await callHttp({ url: scoresUrl, headers, json: score }, sendOptions);
    if (!answer) return { status: "retry" };
    if (answer.status === 401 && !options.secretKey) {
      ingestionOnly = true;
      return "fallback";
    }
    return outcomeOfStatus(answer.status, answer.headers, answer.body);
  }

  return {
    name: "langfuse",
    secrets: options.secretKey ? [options.secretKey, headers.authorization.slice("Basic ".length)] : [],
    async send(events, sendOptions) {
      const outcomes = new Map<string, Outcome[]>();
      const skippedOf = new Map<string, string[]>();
      const requests: ScoreRequest[] = [];
      for (const event of events) {
        const { records, skipped } = langfuseRecords(event);
        outcomes.set(event.id, []);
        skippedOf.set(event.id, skipped);
        for (const score of records) requests.push({ event, score });
      }
      const answers: (Outcome | "fallback")[] = ingestionOnly
        ? requests.map(() => "fallback")
        : await mapLimited(requests, concurrency, (request) => deliver(request, sendOptions));
      const fallback = requests.flatMap((_, i) => (answers[i] === "fallback" ? [i] : []));
      const ingested = await ingest(
        fallback.map((i) => requests[i] as ScoreRequest),
        sendOptions,
      );
      fallback.forEach((index, i) => {
        answers[index] = ingested[i] ?? { status: "retry" };
      });
      requests.forEach(({ event }, i) => {
        const answer = answers[i];
        outcomes.get(event.id)?.push(answer && answer !== "fallback" ? answer : { status: "retry" });
      });
      return toSendResult(
        new Map([...outcomes].map(([id, sent]) => [id, eventOutcome(sent, skippedOf.get(id) ?? [])])),
      );
    },
  };
}
