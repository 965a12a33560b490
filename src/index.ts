// The client entry: widgets, hooks, the provider and the browser-safe sinks. Its built files start with
// "use client", written by tsup.config.ts after bundling (a bundler drops module directives).

export { MessageActions, type MessageActionsProps } from "./actions/MessageActions";
export { CopyButton, type CopyButtonProps } from "./copy/CopyButton";
export { COPIED_MS, type CopyState, type UseCopyOptions, type UseCopyResult, useCopy } from "./copy/useCopy";
export { writeClipboard } from "./copy/writeClipboard";
export { type DeliveryQueueConfig, deliveryQueue } from "./delivery/deliveryQueue";
export type { DeliveryOptions } from "./delivery/options";
export type { ReportError, Transport } from "./delivery/types";
export { type DiffWordsOptions, diffWords, type WordDiff } from "./diff/diffWords";
export { editStats } from "./diff/editStats";
export { DiffView, type DiffViewProps } from "./edits/DiffView";
export { EditableMessage, type EditableMessageProps } from "./edits/EditableMessage";
export { EditButton, type EditButtonProps } from "./edits/EditButton";
export { editEventInput } from "./edits/editEventInput";
export { type DraftTracking, type DraftTrackingOptions, useDraftTracking } from "./edits/useDraftTracking";
export { FeedbackError, type FeedbackErrorKind } from "./errors";
export type { EmitInput, EnvelopeFields } from "./events/createEvent";
export { MAX_TEXT_BYTES } from "./events/limits";
export type * from "./events/types";
export { type ContractViolation, isFeedbackEvent, validateEvent } from "./events/validate";
export { FeedbackForm, type FeedbackFormProps } from "./form/FeedbackForm";
export {
  DEFAULT_DOWN_REASONS,
  DEFAULT_UP_REASONS,
  type Reason,
  type ReasonOption,
} from "./form/reasons";
export {
  DEFAULT_COMMENT_MAX_LENGTH,
  type FeedbackFormStatus,
  type FeedbackFormValues,
  type UseFeedbackFormOptions,
  type UseFeedbackFormResult,
  useFeedbackForm,
} from "./form/useFeedbackForm";
export {
  CheckIcon,
  CopyIcon,
  PencilIcon,
  RegenerateIcon,
  ThumbDownIcon,
  ThumbUpIcon,
  type WidgetIcons,
} from "./icons/icons";
export {
  type AiSdkFeedbackMessageProps,
  type AiSdkFeedbackOptions,
  type AiSdkMessageLike,
  feedbackMessageProps,
} from "./integrations/aiSdk";
export {
  type AssistantUiFeedback,
  type AssistantUiFeedbackAdapter,
  type AssistantUiFeedbackOptions,
  type AssistantUiMessageLike,
  createAssistantUiFeedbackAdapter,
  useAssistantUiFeedbackAdapter,
} from "./integrations/assistantUi";
export { defaultLabels, type FeedbackLabels, type LabelOverrides, type PluralLabel } from "./labels/defaultLabels";
export { formatLabel } from "./labels/formatLabel";
export { useLabels } from "./labels/useLabels";
export type { FeedbackMessageScope } from "./provider/context";
export { FeedbackMessage, type FeedbackMessageProps, useFeedbackMessage } from "./provider/FeedbackMessage";
export { FeedbackProvider, type FeedbackProviderProps } from "./provider/FeedbackProvider";
export {
  createFeedbackClient,
  type FeedbackClient,
  type FeedbackConfig,
  type FeedbackContext,
  type TransportFactory,
} from "./provider/feedbackClient";
export { type FeedbackApi, useFeedback } from "./provider/useFeedback";
export { RegenerateButton, type RegenerateButtonProps } from "./regenerate/RegenerateButton";
export {
  type RegenerateRequest,
  type RegenerateState,
  type UseRegenerateOptions,
  type UseRegenerateResult,
  useRegenerate,
} from "./regenerate/useRegenerate";
export type { WidgetSettings } from "./shared/WidgetSettings";
export { callbackSink } from "./sinks/callbackSink";
export { consoleSink } from "./sinks/consoleSink";
export { fanoutSink } from "./sinks/fanoutSink";
export { type HttpSinkOptions, type HttpSinkResponse, httpSink } from "./sinks/httpSink";
export { type LangfuseScore, type LangfuseSinkOptions, langfuseScores, langfuseSink } from "./sinks/langfuseSink";
export { type FeedbackUrlResolver, type LangSmithSinkOptions, langsmithSink } from "./sinks/langsmithSink";
export { type MemorySink, memorySink } from "./sinks/memorySink";
export { type OtlpSinkOptions, otlpLogRecord, otlpSink } from "./sinks/otlpSink";
export {
  acceptAll,
  type FeedbackSink,
  type RejectedEvent,
  rejectAll,
  retryAll,
  type SendOptions,
  type SendResult,
} from "./sinks/types";
export { ThumbButton, type ThumbButtonProps, ThumbsFeedback, type ThumbsFeedbackProps } from "./thumbs/ThumbsFeedback";
export {
  type Thumb,
  type ThumbButtonPropsFromHook,
  type UseThumbsOptions,
  type UseThumbsResult,
  useThumbs,
} from "./thumbs/useThumbs";
