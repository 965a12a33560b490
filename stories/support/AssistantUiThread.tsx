// The assistant-ui recipe's own chat on a model that answers at once: the Storybook story and the browser test
// render the code the README quotes, without a server.
import type { ChatModelAdapter } from "@assistant-ui/react";
import { Assistant } from "../recipes/assistant-ui/Assistant";

// The answer a backend would give, with the trace ids it attaches as message metadata.
const model: ChatModelAdapter = {
  async run() {
    return {
      content: [{ type: "text", text: "Paris is the capital of France." }],
      metadata: { custom: { traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7" } },
    };
  },
};

/** The recipe's `Assistant`, whose thumbs report through the enclosing `FeedbackProvider`. */
export function AssistantUiThread() {
  return <Assistant model={model} />;
}
