// The server entry: no React, no DOM. Runs in Node 20 and in edge runtimes (only web-standard globals).

export { bucketByErrorMode } from "./datasets/bucketByErrorMode";
export { samePromptKey } from "./datasets/samePrompt";
export { toKto } from "./datasets/toKto";
export { toPreferencePairs } from "./datasets/toPreferencePairs";
export { toRegressionSet } from "./datasets/toRegressionSet";
export type * from "./datasets/types";
export { type DiffWordsOptions, diffWords, type WordDiff } from "./diff/diffWords";
export { editStats } from "./diff/editStats";
export { editEventInput } from "./edits/editEventInput";
export { FeedbackError, type FeedbackErrorKind } from "./errors";
export { cutText, MAX_TEXT_BYTES } from "./events/limits";
export type * from "./events/types";
export { type ContractViolation, isFeedbackEvent, validateEvent } from "./events/validate";
export { type CorsOptions, loopbackOrigin } from "./server/cors";
export {
  createFeedbackHandler,
  type FeedbackHandler,
  type FeedbackHandlerOptions,
  type RelayRejection,
  type RelayResponse,
} from "./server/createFeedbackHandler";
export {
  createLangSmithFeedbackToken,
  type LangSmithFeedbackToken,
  type LangSmithFeedbackTokenOptions,
} from "./server/createLangSmithFeedbackToken";
export { type NodeRequestLike, type NodeResponseLike, toNodeHandler } from "./server/toNodeHandler";
export { type CallbackSinkOptions, callbackSink } from "./sinks/callbackSink";
export { consoleSink } from "./sinks/consoleSink";
export { fanoutSink } from "./sinks/fanoutSink";
export { parseRetryAfter } from "./sinks/http/outcome";
export { type HttpSinkOptions, type HttpSinkResponse, httpSink } from "./sinks/httpSink";
export { type LangfuseScore, type LangfuseSinkOptions, langfuseScores, langfuseSink } from "./sinks/langfuseSink";
export { type LangSmithApiSinkOptions, langsmithApiSink } from "./sinks/langsmithApiSink";
export { type FeedbackUrlResolver, type LangSmithSinkOptions, langsmithSink } from "./sinks/langsmithSink";
export { type MemorySink, memorySink } from "./sinks/memorySink";
export { type OtlpSinkOptions, otlpLogRecord, otlpSink } from "./sinks/otlpSink";
export { type PhoenixAnnotation, type PhoenixSinkOptions, phoenixAnnotation, phoenixSink } from "./sinks/phoenixSink";
export {
  acceptAll,
  type FeedbackSink,
  type RejectedEvent,
  rejectAll,
  retryAll,
  type SendOptions,
  type SendResult,
} from "./sinks/types";
export { type PostgresStore, type PostgresStoreOptions, postgresStore } from "./store/postgresStore";
