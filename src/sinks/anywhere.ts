// The sinks that run in a browser and on a server alike, exported by both entries: in a page they send
// straight from the app; behind `createFeedbackHandler` they are where the relay forwards to (a server may
// give them secrets a page may not hold, such as Langfuse's secret key).

export { type CallbackSinkOptions, callbackSink } from "./callbackSink";
export { consoleSink } from "./consoleSink";
export { fanoutSink } from "./fanoutSink";
export { type HttpSinkOptions, type HttpSinkResponse, httpSink } from "./httpSink";
export { type LangfuseScore, type LangfuseSinkOptions, langfuseScores, langfuseSink } from "./langfuseSink";
export { type MemorySink, memorySink } from "./memorySink";
export { type OtlpSinkOptions, otlpLogRecord, otlpLogRecords, otlpSink } from "./otlpSink";
export {
  acceptAll,
  type FeedbackSink,
  type RejectedEvent,
  rejectAll,
  retryAll,
  type SendOptions,
  type SendResult,
} from "./types";
