import type { PromptMessage } from "../events/types";

/**
 * The part of an AI SDK `UIMessage` the helper reads. Structural, so the kit does not depend on `ai`: the
 * messages of `useChat` fit as they are.
 */
export interface AiSdkMessageLike {
  id: string;
  role: string;
  parts: readonly { type: string; text?: string }[];
  metadata?: unknown;
}

/** Options of `feedbackMessageProps`. */
export interface AiSdkFeedbackOptions {
  /**
   * The chat's messages (`useChat().messages`): the ones before `message` become the event's `prompt`.
   * Leave it out to send no prompt.
   */
  messages?: readonly AiSdkMessageLike[];
}

/** The `FeedbackMessage` props that `feedbackMessageProps` fills in. */
export interface AiSdkFeedbackMessageProps {
  messageId: string;
  traceId?: string;
  spanId?: string;
  runId?: string;
  content: string;
  prompt?: PromptMessage[];
}

/** The text of a message: its text parts, joined by blank lines. */
function textOf(message: AiSdkMessageLike): string {
  return message.parts
    .filter((part) => part.type === "text" && typeof part.text === "string")
    .map((part) => part.text)
    .join("\n\n");
}

function idsOf(metadata: unknown): Pick<AiSdkFeedbackMessageProps, "traceId" | "spanId" | "runId"> {
  if (typeof metadata !== "object" || metadata === null) return {};
  const fields = metadata as Record<string, unknown>;
  const ids: Pick<AiSdkFeedbackMessageProps, "traceId" | "spanId" | "runId"> = {};
  if (typeof fields.traceId === "string") ids.traceId = fields.traceId;
  if (typeof fields.spanId === "string") ids.spanId = fields.spanId;
  if (typeof fields.runId === "string") ids.runId = fields.runId;
  return ids;
}

/**
 * `FeedbackMessage` props from an AI SDK `UIMessage`: its id, its text, and the `traceId`, `spanId` and
 * `runId` your server put into the message metadata (`messageMetadata` of `toUIMessageStreamResponse`, or the
 * `start` chunk of a custom transport). With `messages`, the messages before it become the `prompt`.
 *
 * @example
 * ```tsx
 * const { messages, regenerate } = useChat<UIMessage<{ traceId: string; spanId: string }>>();
 * return messages.map((message) =>
 *   message.role === "assistant" ? (
 *     <FeedbackMessage key={message.id} {...feedbackMessageProps(message, { messages })}>
 *       <Markdown>{feedbackMessageProps(message).content}</Markdown>
 *       <ThumbsFeedback />
 *       <RegenerateButton onRegenerate={() => regenerate({ messageId: message.id })} />
 *     </FeedbackMessage>
 *   ) : (
 *     <UserBubble key={message.id} message={message} />
 *   ),
 * );
 * ```
 */
export function feedbackMessageProps(
  message: AiSdkMessageLike,
  options: AiSdkFeedbackOptions = {},
): AiSdkFeedbackMessageProps {
  const props: AiSdkFeedbackMessageProps = {
    messageId: message.id,
    content: textOf(message),
    ...idsOf(message.metadata),
  };
  if (options.messages) {
    const index = options.messages.findIndex((other) => other.id === message.id);
    const before = index === -1 ? options.messages : options.messages.slice(0, index);
    props.prompt = before.map((other) => ({ role: other.role, content: textOf(other) }));
  }
  return props;
}
