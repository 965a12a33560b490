// The server entry, `react-feedback-loop/server`: the relay that takes events from the browser, the sinks that
// need a secret key, and the token a browser may use in place of that key. No React, no DOM: it runs in Node 20
// and in edge runtimes (only web-standard globals). Dataset builders are on `react-feedback-loop/datasets`; the
// browser-safe sinks on the main entry.

export { editEventInput } from "./edits/editEventInput";
export { FeedbackError, type FeedbackErrorKind } from "./errors";
export { cutText, MAX_TEXT_BYTES } from "./events/limits";
export type * from "./events/types";
export { type ContractViolation, isEventOf, isFeedbackEvent, validateEvent } from "./events/validate";
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
export * from "./sinks/anywhere";
export { parseRetryAfter } from "./sinks/http/outcome";
export { type LangSmithApiSinkOptions, langsmithApiSink as langSmithApiSink } from "./sinks/langsmithApiSink";
export {
  type PhoenixAnnotation,
  type PhoenixSinkOptions,
  phoenixAnnotation,
  phoenixAnnotations,
  phoenixSink,
} from "./sinks/phoenixSink";
export type { VendorRecords } from "./sinks/vendor/answers";
export { type PostgresStore, type PostgresStoreOptions, postgresStore } from "./store/postgresStore";
