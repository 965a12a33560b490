// app/api/assistant/route.ts
import { trace } from "@opentelemetry/api";
import { generateText, type ModelMessage } from "ai";

const tracer = trace.getTracer("chat");

/**
 * The endpoint the assistant-ui model adapter posts to: answers the conversation with the model's text and the
 * trace and span that produced it. With OpenTelemetry registered (`registerOTel` from `@vercel/otel` in
 * instrumentation.ts, or your tracing vendor's exporter), those are the ids of the trace your backend stores.
 */
export async function POST(request: Request) {
  const { messages }: { messages: ModelMessage[] } = await request.json();
  return tracer.startActiveSpan("chat", async (span) => {
    try {
      const { text } = await generateText({
        model: "openai/gpt-4o-mini",
        messages,
        experimental_telemetry: { isEnabled: true },
      });
      const { traceId, spanId } = span.spanContext();
      return Response.json({ text, traceId, spanId });
    } finally {
      span.end();
    }
  });
}
