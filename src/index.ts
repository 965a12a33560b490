// The client entry: widgets, hooks, the provider and the browser-safe sinks. Its built files start with
// "use client", written by tsup.config.ts after bundling (a bundler drops module directives).

export { MessageActions, type MessageActionsProps } from "./actions/MessageActions";
export { type CompareChoice, ComparePrompt, type ComparePromptProps } from "./compare/ComparePrompt";
export { CopyButton, type CopyButtonProps } from "./copy/CopyButton";
export { COPIED_MS, type CopyState, type UseCopyOptions, type UseCopyResult, useCopy } from "./copy/useCopy";
export { writeClipboard } from "./copy/writeClipboard";
export type { DeliveryOptions } from "./delivery/options";
export { DiffView, type DiffViewProps } from "./edits/DiffView";
export { EditableMessage, type EditableMessageProps } from "./edits/EditableMessage";
export { EditButton, type EditButtonProps } from "./edits/EditButton";
export { type UseDraftTrackingOptions, type UseDraftTrackingResult, useDraftTracking } from "./edits/useDraftTracking";
export { FeedbackError, type FeedbackErrorKind } from "./errors";
export type { Emit, EmitInput, EnvelopeFields } from "./events/createEvent";
export { MAX_TEXT_BYTES } from "./events/limits";
export type * from "./events/types";
export { type ContractViolation, isFeedbackEvent, validateEvent } from "./events/validate";
export type { FeedbackFormProps } from "./form/FeedbackForm";
export { FeedbackForm } from "./form/lazyFeedbackForm";
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
} from "./provider/feedbackClient";
export { type UseFeedbackResult, useFeedback } from "./provider/useFeedback";
export { RegenerateButton, type RegenerateButtonProps } from "./regenerate/RegenerateButton";
export {
  type RegenerateRequest,
  type RegenerateState,
  type UseRegenerateOptions,
  type UseRegenerateResult,
  useRegenerate,
} from "./regenerate/useRegenerate";
export type { WidgetSettings } from "./shared/WidgetSettings";
export * from "./sinks/anywhere";
export {
  type FeedbackUrlResolver,
  type LangSmithSinkOptions,
  langsmithSink as langSmithSink,
} from "./sinks/langsmithSink";
export type { ReportError, Transport, TransportContext, TransportFactory } from "./sinks/types";
export { ThumbButton, type ThumbButtonProps, ThumbsFeedback, type ThumbsFeedbackProps } from "./thumbs/ThumbsFeedback";
export {
  type Thumb,
  type ThumbButtonPropsFromHook,
  type UseThumbsOptions,
  type UseThumbsResult,
  useThumbs,
} from "./thumbs/useThumbs";
export { AnswerVersions, type AnswerVersionsProps } from "./versions/AnswerVersions";
export { type AnswerVersion, preferenceInput } from "./versions/answerVersion";
export type { StepDirection } from "./versions/context";
export { VersionStepper, type VersionStepperProps } from "./versions/VersionStepper";
