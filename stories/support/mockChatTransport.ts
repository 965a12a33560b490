import type { ChatTransport, UIMessage, UIMessageChunk } from "ai";

/** The metadata our server attaches to each answer: the trace and span that produced it. */
export interface TraceMetadata {
  traceId: string;
  spanId: string;
}

export type TracedMessage = UIMessage<TraceMetadata>;

const ANSWERS = [
  "Use a Map when keys are added and removed often; a plain object is fine for a fixed set of string keys.",
  "A Map keeps insertion order, takes any value as a key and has a size property; objects only take strings and symbols.",
];

/**
 * A `ChatTransport` that answers without a network, the way a server using `toUIMessageStreamResponse` with
 * `messageMetadata` would: a `start` chunk with the message id and the trace ids, the text in deltas, `finish`.
 * Each answer gets fresh ids, so a regenerated answer is a new message with its own trace.
 */
export function mockChatTransport({ delayMs = 0 }: { delayMs?: number } = {}): ChatTransport<TracedMessage> {
  let answers = 0;
  return {
    async sendMessages({ trigger }) {
      answers += 1;
      const n = answers;
      const text = ANSWERS[trigger === "regenerate-message" ? 1 : 0] ?? "";
      const metadata: TraceMetadata = {
        traceId: `${n.toString(16).padStart(4, "0")}f92f3577b34da6a3ce929d0e0e4736`.slice(0, 32),
        spanId: `${n.toString(16).padStart(4, "0")}67aa0ba902b7`.slice(0, 16),
      };
      const chunks: UIMessageChunk<TraceMetadata>[] = [
        { type: "start", messageId: `answer-${n}`, messageMetadata: metadata },
        { type: "text-start", id: "text-1" },
        ...(text.match(/\s*\S+/g) ?? []).map(
          (delta): UIMessageChunk<TraceMetadata> => ({
            type: "text-delta",
            id: "text-1",
            delta,
          }),
        ),
        { type: "text-end", id: "text-1" },
        { type: "finish", finishReason: "stop" },
      ];
      return new ReadableStream<UIMessageChunk>({
        async pull(controller) {
          const chunk = chunks.shift();
          if (!chunk) return controller.close();
          if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
          controller.enqueue(chunk);
        },
      });
    },
    async reconnectToStream() {
      return null;
    },
  };
}
