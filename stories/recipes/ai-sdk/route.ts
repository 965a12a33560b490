// app/api/chat/route.ts
import { trace } from "@opentelemetry/api";
import { convertToModelMessages, streamText, type UIMessage } from "ai";

// Streaming answers can take a while.
export const maxDuration = 30;

const tracer = trace.getTracer("chat");

/**
 * The chat endpoint `useChat` posts to: streams the model's answer, and puts the trace and span that produced it
 * into the answer's metadata, where `feedbackMessageProps` reads them. With OpenTelemetry registered (for
 * example `registerOTel` from `@vercel/otel` in instrumentation.ts, or your tracing vendor's exporter), the ids
 * are those of the trace your backend stores, and every feedback event lands on it.
 */
export async function POST(request: Request) {
  const { messages }: { messages: UIMessage[] } = await request.json();
  return tracer.startActiveSpan("chat", async (span) => {
    const { traceId, spanId } = span.spanContext();
    const result = streamText({
      model: "openai/gpt-4o-mini",
      messages: await convertToModelMessages(messages),
      experimental_telemetry: { isEnabled: true },
      onFinish: () => span.end(),
      onError: () => span.end(),
      onAbort: () => span.end(),
    });
    return result.toUIMessageStreamResponse({
      originalMessages: messages,
      messageMetadata: ({ part }) => (part.type === "start" ? { traceId, spanId } : undefined),
    });
  });
}
